package python

/*
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>

// Declarations copied from tree-sitter v0.25.0 api.h (the runtime is compiled by go-tree-sitter,
// which is pinned in go.mod).
typedef struct TSNode { uint32_t context[4]; const void *id; const void *tree; } TSNode;
typedef struct TSTreeCursor { const void *tree; const void *id; uint32_t context[3]; } TSTreeCursor;
extern uint16_t ts_node_symbol(TSNode);
extern uint32_t ts_node_start_byte(TSNode);
extern uint32_t ts_node_end_byte(TSNode);
extern bool ts_node_is_named(TSNode);
extern bool ts_node_is_missing(TSNode);
extern uint32_t ts_node_descendant_count(TSNode);
extern TSTreeCursor ts_tree_cursor_new(TSNode);
extern void ts_tree_cursor_delete(TSTreeCursor *);
extern TSNode ts_tree_cursor_current_node(const TSTreeCursor *);
extern uint16_t ts_tree_cursor_current_field_id(const TSTreeCursor *);
extern bool ts_tree_cursor_goto_parent(TSTreeCursor *);
extern bool ts_tree_cursor_goto_next_sibling(TSTreeCursor *);
extern bool ts_tree_cursor_goto_first_child(TSTreeCursor *);
typedef struct TSParser TSParser;
typedef struct TSTree TSTree;
extern TSTree *ts_parser_parse_string(TSParser *, const TSTree *, const char *, uint32_t);
extern TSNode ts_tree_root_node(const TSTree *);
extern void ts_tree_delete(TSTree *);
extern void ts_set_allocator(void *(*)(size_t), void *(*)(size_t, size_t), void *(*)(void *, size_t), void (*)(void *));

static void use_libc_allocator(void) { ts_set_allocator(malloc, calloc, realloc, free); }

typedef struct {
	uint32_t start, end;
	int32_t parent;
	uint16_t kind, field;
	uint8_t flags;
	uint8_t pad[3];
} dw_node;

static uint32_t dw_count(const TSTree *t) { return ts_node_descendant_count(ts_tree_root_node(t)); }

// dw_flatten writes the tree below root in pre-order into out (capacity cap) and returns the
// number of nodes written. One cgo call per file instead of several per node.
static uint32_t dw_flatten(const TSTree *t, dw_node *out, uint32_t cap) {
	TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(t));
	uint32_t n = 0;
	int32_t parent = -1;
	for (;;) {
		if (n >= cap) break;
		TSNode node = ts_tree_cursor_current_node(&c);
		dw_node *d = &out[n];
		d->start = ts_node_start_byte(node);
		d->end = ts_node_end_byte(node);
		d->parent = parent;
		d->kind = ts_node_symbol(node);
		d->field = ts_tree_cursor_current_field_id(&c);
		d->flags = (ts_node_is_named(node) ? 1 : 0) | (ts_node_is_missing(node) ? 2 : 0);
		int32_t self = (int32_t)n;
		n++;
		if (ts_tree_cursor_goto_first_child(&c)) { parent = self; continue; }
		for (;;) {
			if (ts_tree_cursor_goto_next_sibling(&c)) break;
			if (!ts_tree_cursor_goto_parent(&c)) { ts_tree_cursor_delete(&c); return n; }
			parent = out[parent].parent;
		}
	}
	ts_tree_cursor_delete(&c);
	return n;
}
*/
import "C"

import (
	"unsafe"

	ts "github.com/tree-sitter/go-tree-sitter"
)

// NOTE: go-tree-sitter v0.25.0 routes every C allocation through a Go callback; pointing the
// runtime straight at libc makes parsing 1.5–1.7× faster (reference/deps.md §2). Remove when a
// release includes the upstream fix.
func init() { C.use_libc_allocator() }

const (
	flagNamed   = 1
	flagMissing = 2
)

// rawNode is one tree-sitter node copied out of the C tree.
type rawNode struct {
	start, end uint32
	parent     int32
	kind       uint16
	field      uint16
	flags      uint8
	_          [3]uint8
}

// parseFlat parses src with the binding's parser and copies the tree out into Go memory, closing
// the C tree before it returns. ok is false when tree-sitter produced no tree at all.
//
// NOTE: the binding's Parser.Parse feeds text through a Go callback that copies the rest of the
// file into a fresh C string on every read; calling ts_parser_parse_string directly avoids that.
// ts.Parser's only field is the C TSParser pointer (go-tree-sitter v0.25.0, pinned); a test
// checks the size.
func parseFlat(p *ts.Parser, src []byte) (nodes []rawNode, ok bool) {
	cp := *(**C.TSParser)(unsafe.Pointer(p))
	var empty [1]byte
	ptr := &empty[0]
	if len(src) > 0 {
		ptr = &src[0]
	}
	t := C.ts_parser_parse_string(cp, nil, (*C.char)(unsafe.Pointer(ptr)), C.uint32_t(len(src)))
	if t == nil {
		return nil, false
	}
	defer C.ts_tree_delete(t)
	n := uint32(C.dw_count(t))
	if n == 0 {
		return nil, true
	}
	nodes = make([]rawNode, n)
	got := C.dw_flatten(t, (*C.dw_node)(unsafe.Pointer(&nodes[0])), C.uint32_t(n))
	return nodes[:got], true
}

// rawNodeSize is the size of the C dw_node, checked against rawNode by a test.
const rawNodeSize = C.sizeof_dw_node
