// Command dagwarden is a static security linter for Airflow, Prefect and Dagster pipelines and
// their configuration. See `dagwarden --help`.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
