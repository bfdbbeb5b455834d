// Package document exports the client deliverables of a project: the
// document templates rendered to PDF, and the registers (risk register,
// asset inventory, action plan) as CSV and as one XLSX workbook.
package document
