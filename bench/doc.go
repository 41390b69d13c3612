// Package bench measures the generated closecode package and the gencodes
// generator against the alternatives, side by side in one run. See
// BENCHMARKS.md for the results and run.sh for how to reproduce them.
package bench
