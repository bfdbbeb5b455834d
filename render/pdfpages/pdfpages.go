// Package pdfpages rasterises PDF pages, for the GUI's document preview,
// with PDFium compiled to WebAssembly and run in process by wazero: no
// external program and no cgo. It has no GUI code, so it is tested and used
// like the other renderers.
package pdfpages

import (
	"context"
	"fmt"
	"image"
	"image/draw"
	"io"
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

// Renderer rasterises PDF pages. Compiling the PDFium module takes several
// seconds on a slow laptop the first time; with a cache folder the compiled
// code is kept, so later starts take a fraction of a second. All methods are
// safe for concurrent use; calls are serialised on one PDFium instance.
type Renderer struct {
	cacheDir func() string
	once     sync.Once
	err      error
	started  atomic.Bool
	failed   atomic.Bool
	mu       sync.Mutex
	inst     pdfium.Pdfium
}

// New returns a renderer that starts on first use. cacheDir, asked once at
// start, names the folder for the compiled module ("" for none); nil means
// none.
func New(cacheDir func() string) *Renderer {
	return &Renderer{cacheDir: cacheDir}
}

// Start compiles and instantiates PDFium once; it blocks until done and
// returns the error of the start, the same on every call.
func (r *Renderer) Start() error {
	r.once.Do(func() {
		defer func() { r.failed.Store(r.err != nil) }()
		cfg := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
		dir := ""
		if r.cacheDir != nil {
			dir = r.cacheDir()
		}
		if dir != "" {
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

// Ready reports whether Start has finished without error.
func (r *Renderer) Ready() bool { return r.started.Load() }

// Failed reports whether Start has finished with an error; it does not wait.
func (r *Renderer) Failed() bool { return r.failed.Load() }

// Render returns page (0-based) of the PDF as an image at dpi, and the
// number of pages. It starts the renderer if need be.
func (r *Renderer) Render(pdf []byte, page, dpi int) (image.Image, int, error) {
	if err := r.Start(); err != nil {
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
