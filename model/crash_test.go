package model

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// Environment of the child process of TestCrashDuringSave: the project path
// and which of the two versions to save first.
const (
	crashEnv      = "ZONEWISE_TEST_CRASH_CHILD"
	crashStartEnv = "ZONEWISE_TEST_CRASH_START"
)

func TestMain(m *testing.M) {
	if path := os.Getenv(crashEnv); path != "" {
		crashChild(path)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// crashChild saves the two versions alternately until it is killed. It
// writes the marshalled bytes with WriteFileAtomic, exactly what Save does
// after Marshal, so that every moment of its life is spent on the disk
// operations the test is about.
func crashChild(path string) {
	var versions [2][]byte
	for i, suffix := range []string{".A", ".B"} {
		data, err := os.ReadFile(path + suffix)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		versions[i] = data
	}
	first, _ := strconv.Atoi(os.Getenv(crashStartEnv))
	fmt.Println("ready")
	for i := first; ; i++ {
		if err := WriteFileAtomic(path, versions[i%2], true); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
	}
}

// TestCrashDuringSave kills a child process at random moments while it saves
// a 1.3 MB generated project over and over, 200 times, and checks after each
// kill that the file and its backup are each exactly the old or the new
// version, never empty or a mix.
func TestCrashDuringSave(t *testing.T) {
	kills := 200
	if testing.Short() {
		kills = 20
	}
	var want [2][]byte
	for i := range want {
		want[i] = mustMarshal(t, Generate(60, 1200, int64(i+1)))
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "crash.zonewise.json")
	for i, suffix := range []string{".A", ".B"} {
		if err := os.WriteFile(path+suffix, want[i], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Kill within about three saves' time, measured here because the
	// machine's speed and load vary.
	start := time.Now()
	for i := range 3 {
		if err := WriteFileAtomic(path, want[i%2], true); err != nil {
			t.Fatal(err)
		}
	}
	window := max(time.Since(start), 3*time.Millisecond)
	rng := rand.New(rand.NewPCG(2026, 11))
	found := [2]int{}
	for i := range kills {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), crashEnv+"="+path, crashStartEnv+"="+strconv.Itoa(i%2))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(out).ReadString('\n')
		if err != nil || line != "ready\n" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("kill %d: child did not start: %q %v %s", i, line, err, stderr.String())
		}
		time.Sleep(time.Duration(rng.Int64N(int64(window))))
		cmd.Process.Kill()
		cmd.Wait()
		if stderr.Len() > 0 {
			t.Fatalf("kill %d: child failed: %s", i, stderr.String())
		}
		for _, f := range []string{path, path + ".bak"} {
			got, err := os.ReadFile(f)
			if err != nil {
				t.Fatalf("kill %d: %v", i, err)
			}
			switch {
			case bytes.Equal(got, want[0]):
				found[0]++
			case bytes.Equal(got, want[1]):
				found[1]++
			default:
				t.Fatalf("kill %d: %s is neither version (%d bytes)", i, filepath.Base(f), len(got))
			}
		}
	}
	// Byte equality with a version proves the file loads; check once anyway.
	if _, err := Load(path); err != nil {
		t.Fatal(err)
	}
	temps, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	t.Logf("%d kills within %v of the start of saving; file or backup found as version A %d times, B %d times; %d temporary files left behind",
		kills, window, found[0], found[1], len(temps))
	if found[0] < kills/4 || found[1] < kills/4 {
		t.Errorf("the versions were found %v times: the kills did not land while the child was saving", found)
	}
}
