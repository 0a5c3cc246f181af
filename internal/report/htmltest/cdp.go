package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"time"
)

// browser is a minimal Chrome DevTools Protocol client over --remote-debugging-pipe: Chromium
// reads commands from file descriptor 3 and writes replies and events to descriptor 4, each
// message a JSON object ended by a NUL byte. No WebSocket, no port, no dependency.
type browser struct {
	cmd     *exec.Cmd
	in      io.WriteCloser // our end of Chromium's fd 3
	mu      sync.Mutex
	nextID  int
	pending map[int]chan message
	events  chan message
	done    chan struct{}
	err     error
}

type message struct {
	ID        int             `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *cdpError       `json:"error,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
}

type cdpError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *cdpError) Error() string { return fmt.Sprintf("cdp error %d: %s", e.Code, e.Message) }

func launch(ctx context.Context, exe, profile string, args ...string) (*browser, error) {
	cmdIn, ourOut, err := os.Pipe() // Chromium reads fd 3
	if err != nil {
		return nil, err
	}
	ourIn, cmdOut, err := os.Pipe() // Chromium writes fd 4
	if err != nil {
		return nil, err
	}
	all := append([]string{
		"--headless", "--remote-debugging-pipe", "--user-data-dir=" + profile,
		"--no-first-run", "--no-default-browser-check", "--disable-gpu", "--disable-extensions",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--force-color-profile=srgb",
		"--font-render-hinting=none",
	}, args...)
	all = append(all, "about:blank")
	cmd := exec.CommandContext(ctx, exe, all...)
	cmd.ExtraFiles = []*os.File{cmdIn, cmdOut}
	cmd.Stdout = io.Discard
	stderr, err := os.CreateTemp(profile, "chromium-stderr-*.log")
	if err != nil {
		return nil, err
	}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", exe, err)
	}
	cmdIn.Close()
	cmdOut.Close()
	b := &browser{cmd: cmd, in: ourOut, pending: map[int]chan message{}, events: make(chan message, 4096), done: make(chan struct{})}
	go b.read(ourIn)
	return b, nil
}

func (b *browser) read(r io.Reader) {
	br := bufio.NewReaderSize(r, 1<<20)
	defer close(b.done)
	for {
		raw, err := br.ReadBytes(0)
		if err != nil {
			b.mu.Lock()
			b.err = fmt.Errorf("browser pipe closed: %w", err)
			for _, ch := range b.pending {
				close(ch)
			}
			b.pending = map[int]chan message{}
			b.mu.Unlock()
			return
		}
		var m message
		if err := json.Unmarshal(raw[:len(raw)-1], &m); err != nil {
			continue
		}
		if m.ID != 0 {
			b.mu.Lock()
			ch := b.pending[m.ID]
			delete(b.pending, m.ID)
			b.mu.Unlock()
			if ch != nil {
				ch <- m
			}
			continue
		}
		select {
		case b.events <- m:
		default: // nobody is draining: drop rather than block replies
		}
	}
}

// call sends a command (to the browser when session is empty, else to that page) and waits for
// its reply.
func (b *browser) call(ctx context.Context, session, method string, params any, out any) error {
	if params == nil {
		params = struct{}{}
	}
	p, err := json.Marshal(params)
	if err != nil {
		return err
	}
	b.mu.Lock()
	if b.err != nil {
		b.mu.Unlock()
		return b.err
	}
	b.nextID++
	id := b.nextID
	ch := make(chan message, 1)
	b.pending[id] = ch
	b.mu.Unlock()
	msg, _ := json.Marshal(message{ID: id, Method: method, Params: p, SessionID: session})
	if _, err := b.in.Write(append(msg, 0)); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case m, ok := <-ch:
		if !ok {
			return fmt.Errorf("%s: %w", method, b.err)
		}
		if m.Error != nil {
			return fmt.Errorf("%s: %w", method, m.Error)
		}
		if out != nil {
			return json.Unmarshal(m.Result, out)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// close lets Chromium shut down (it exits when its command pipe closes, taking its renderer
// processes with it) and kills it if it has not within a few seconds.
func (b *browser) close() {
	b.in.Close()
	exited := make(chan struct{})
	go func() { _ = b.cmd.Wait(); close(exited) }()
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		_ = b.cmd.Process.Kill()
		<-exited
	}
}

// evaluate runs JavaScript in the page and decodes its (JSON-serialisable) value; an exception
// in the script is an error.
func (b *browser) evaluate(ctx context.Context, session, expr string, out any) error {
	var r struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	err := b.call(ctx, session, "Runtime.evaluate", map[string]any{
		"expression": expr, "returnByValue": true, "awaitPromise": true, "userGesture": true,
	}, &r)
	if err != nil {
		return err
	}
	if r.ExceptionDetails != nil {
		return errors.New("script threw: " + r.ExceptionDetails.Text + " " + r.ExceptionDetails.Exception.Description)
	}
	if out != nil && len(r.Result.Value) > 0 {
		return json.Unmarshal(r.Result.Value, out)
	}
	return nil
}
