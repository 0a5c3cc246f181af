// Package source holds what every front-end shares about an input file: its bytes, its kind,
// and the conversion from byte offsets to 1-based line and column positions. It also walks the
// scan roots (discovery) and decides each file's kind (classification).
package source
