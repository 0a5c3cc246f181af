// Package dockerfile reads Dockerfiles and Containerfiles into instructions with exact spans:
// line continuations (with the `# escape=` directive), comment lines inside continuations,
// heredocs (`RUN <<EOF`), the exec (JSON array) and shell forms of CMD, ENTRYPOINT and RUN, and
// both ENV forms (`ENV K=V K2="v 2"` and the legacy `ENV K value`).
//
// ENV and ARG defaults are also offered as an env document (Env), so the rules that judge
// environment variables (AIRFLOW__*, PREFECT_*, credential names) read them as they read a .env
// file: a value baked into an image is as committed as one in a .env file.
package dockerfile
