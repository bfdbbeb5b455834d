package app

import (
	"context"
	"fmt"
	"image"
	"image/draw"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// pageRenderer rasterises PDF pages for the document preview with PDFium
// compiled to WebAssembly and run in process by wazero: no external program
// and no cgo. Compiling the module takes several seconds on a slow laptop the
// first time; the compiled code is cached in the user cache folder, so later
// starts take a fraction of a second. All methods are safe for concurrent
// use; calls are serialised on one PDFium instance.
type pageRenderer struct {
	once    sync.Once
	err     error
	started atomic.Bool
	mu      sync.Mutex
	inst    pdfium.Pdfium
}

// pdfPages is the application's page renderer, started on first use.
var pdfPages = &pageRenderer{}

// pdfiumCacheDir is where the compiled PDFium module is kept; "" for none.
func pdfiumCacheDir() string {
	if d := os.Getenv("ZONEWISE_CACHE_DIR"); d != "" {
		return filepath.Join(d, "pdfium")
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "zonewise", "pdfium")
}

// start compiles and instantiates PDFium once; it blocks until done.
func (r *pageRenderer) start() error {
	r.once.Do(func() {
		cfg := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
		if dir := pdfiumCacheDir(); dir != "" {
			if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
				cfg = cfg.WithCompilationCache(cache)
			}
		}
		pool, err := webassembly.Init(webassembly.Config{
			Context: context.Background(), MinIdle: 1, MaxIdle: 1, MaxTotal: 1,
			RuntimeConfig: cfg, Stdout: io.Discard, Stderr: io.Discard,
		})
		if err != nil {
			r.err = fmt.Errorf("start the PDF page renderer: %w", err)
			return
		}
		r.inst, err = pool.GetInstance(time.Minute)
		if err != nil {
			r.err = fmt.Errorf("start the PDF page renderer: %w", err)
			return
		}
		r.started.Store(true)
	})
	return r.err
}

// ready reports whether start has finished without error.
func (r *pageRenderer) ready() bool { return r.started.Load() }

// render returns page (0-based) of the PDF as an image at dpi, and the
// number of pages.
func (r *pageRenderer) render(pdf []byte, page, dpi int) (image.Image, int, error) {
	if err := r.start(); err != nil {
		return nil, 0, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	doc, err := r.inst.OpenDocument(&requests.OpenDocument{File: &pdf})
	if err != nil {
		return nil, 0, fmt.Errorf("open the PDF: %w", err)
	}
	defer r.inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	n, err := r.inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, 0, fmt.Errorf("count the pages of the PDF: %w", err)
	}
	if page < 0 || page >= n.PageCount {
		return nil, n.PageCount, fmt.Errorf("page %d of a PDF of %d pages", page+1, n.PageCount)
	}
	res, err := r.inst.RenderPageInDPI(&requests.RenderPageInDPI{
		Page: requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: page}},
		DPI:  dpi,
	})
	if err != nil {
		return nil, n.PageCount, fmt.Errorf("render page %d: %w", page+1, err)
	}
	defer res.Cleanup()
	// The pixels live in WebAssembly memory until Cleanup: copy them out.
	src := res.Result.RenderedImage
	img := image.NewRGBA(src.Bounds())
	draw.Draw(img, img.Bounds(), src, src.Bounds().Min, draw.Src)
	return img, n.PageCount, nil
}
