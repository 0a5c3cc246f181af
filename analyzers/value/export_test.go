package value

import "github.com/dagwarden/dagwarden/analyzers/source"

var spanZero source.Span
