package app

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestZZPositions(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	add := func(lit *ast.BasicLit) {
		if lit.Kind != token.STRING {
			return
		}
		s, err := strconv.Unquote(lit.Value)
		if err == nil && prose(s) {
			fmt.Printf("%s\t%s\n", fset.Position(lit.Pos()), strconv.Quote(s))
		}
	}
	var collect func(n ast.Node)
	collect = func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			if kv, ok := n.(*ast.KeyValueExpr); ok {
				collect(kv.Value)
				return false
			}
			if c, ok := n.(*ast.CallExpr); ok && catalogueLookups[callName(c)] {
				for _, a := range c.Args[1:] {
					collect(a)
				}
				return false
			}
			if lit, ok := n.(*ast.BasicLit); ok {
				add(lit)
			}
			return true
		})
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, _ := parser.ParseFile(fset, f, nil, 0)
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if textSinks[callName(n)] {
					for _, a := range n.Args {
						collect(a)
					}
					return false
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if sel, ok := l.(*ast.SelectorExpr); ok && textFields[sel.Sel.Name] && i < len(n.Rhs) {
						collect(n.Rhs[i])
					}
				}
			}
			return true
		})
	}
}
