package rules

import (
	"regexp"
	"sort"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/secrets"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// KnownTokenFormat reports secrets recognised by their format in any file: gitleaks' default
// rule set (cloud keys, tokens with distinctive prefixes, private keys, keyword + entropy
// matches) plus dagwarden's Airflow Fernet key, Prefect API key and Dagster+ token patterns.
var KnownTokenFormat = &Rule{
	Meta: Meta{
		ID:         "known-token-format",
		Title:      "secret recognised by its format",
		Category:   Secrets,
		Severity:   Critical,
		Confidence: ConfidenceHigh,
		CWE:        []string{"CWE-798"},
		References: []string{
			"https://github.com/gitleaks/gitleaks/blob/v8.30.1/config/gitleaks.toml",
			"https://airflow.apache.org/docs/apache-airflow/stable/security/secrets/mask-sensitive-values.html",
		},
		Why: "A token, key or private key committed to the repository is readable by everyone with access " +
			"to it, to every fork and clone, and stays in the history after it is deleted. Tokens with " +
			"a distinctive prefix (`AKIA`, `ghp_`, `xoxb-`, `pnu_`, `-----BEGIN PRIVATE KEY-----`) are " +
			"found by automated scanners within minutes of a push to a public repository.\n\n" +
			"The rule runs gitleaks' default rule set (v8.30.1) and dagwarden's own patterns on every " +
			"file; the gitleaks rule that matched is in the finding's `gitleaks_rule` property. Generic " +
			"keyword-and-entropy matches are reported with medium confidence. A value that a " +
			"pipeline-aware secrets rule reports (an Airflow Fernet key, a Prefect API key setting) is " +
			"left to that rule, and a password inside a connection URI to `credential-in-url-userinfo`. " +
			"One secret repeated in a file is reported once, with the count.",
		Remediation: "Revoke the credential first: it is compromised once pushed. Then read it at run time " +
			"from a secrets backend or an environment variable filled from one (Airflow secrets backend, " +
			"Prefect `Secret` block, Dagster `EnvVar`, a Kubernetes Secret), and remove it from the " +
			"history (`git filter-repo`) if the repository is shared.",
	},
	Python:      secretsPrime[*python.Module],
	PythonNeeds: secretsPythonNeeds,
	INI:         secretsPrime[*ini.File],
	Dotenv:      secretsPrime[*dotenv.File],
	TOML:        secretsPrime[*toml.File],
	JSON:        secretsPrime[*jsonx.File],
	YAML:        secretsPrime[*yaml.Stream],
	HCL:         secretsPrime[*hcl.File],
	Text:        knownTokenFormatText,
}

// secretsPythonNeeds are strings of which a Python file needs one for a structural Python
// secrets rule to find anything.
var secretsPythonNeeds = []string{"airflow", "prefect", "dagster", "PREFECT_API_KEY", "SECRET_KEY"}

func knownTokenFormatText(pass *Pass, f *source.File) error {
	matches, err := fileSecretMatches(pass)
	if err != nil {
		return err
	}
	claimed := secretsText(pass, f).claimed
	var urls []secrets.Match
	for _, m := range matches {
		if m.RuleID == secrets.RuleURLUserinfo {
			urls = append(urls, m)
		}
	}
	// one match per secret span: a distinctive gitleaks rule over ours over a generic one
	best := map[[2]int]secrets.Match{}
	var order [][2]int
	for _, m := range matches {
		if m.RuleID == secrets.RuleURLUserinfo || m.PathOnly {
			continue
		}
		if overlapsAny(f.Span(m.Start, m.End), claimed) || insideURL(m, urls) {
			continue
		}
		if m.RuleID == "kubernetes-secret-yaml" && commentedOut(f, m.Start) {
			continue // a commented-out example manifest in chart values
		}
		if secrets.LooksLikeIdentifier(m.Secret) {
			// a name next to a secret-like keyword (cron_schedule=), or next to a vendor's name
			// for its keyword rules (twitter-api-key on TwitterAdsApiApiQueryParametersConfig)
			continue
		}
		if strings.Contains(m.RuleID, "private-key") && placeholderServiceAccount(f.Content, m.Start, m.End) {
			continue // the key of a service account in a dummy project: cannot sign in anywhere
		}
		k := [2]int{m.Start, m.End}
		if old, ok := best[k]; ok {
			if tokenRank(m) < tokenRank(old) {
				best[k] = m
			}
			continue
		}
		best[k] = m
		order = append(order, k)
	}
	sort.Slice(order, func(i, j int) bool {
		return order[i][0] < order[j][0] || order[i][0] == order[j][0] && order[i][1] < order[j][1]
	})
	var hits []secretHit
	bySecret := map[string]int{}
	for _, k := range order {
		m := best[k]
		key := m.RuleID + "\x00" + m.Secret
		if i, ok := bySecret[key]; ok {
			hits[i].Count = max(hits[i].Count, 1) + 1
			continue
		}
		sp := f.Span(m.Start, m.End)
		h := secretHit{Span: sp, Secret: sp, Message: tokenMessage(m), Props: map[string]string{"gitleaks_rule": m.RuleID}}
		if isGenericMatch(m) {
			h.Confidence = ConfidenceMedium
		}
		for _, t := range m.Tags {
			if enc, ok := strings.CutPrefix(t, "decoded:"); ok {
				h.Props["encoding"] = enc
			}
		}
		bySecret[key] = len(hits)
		hits = append(hits, h)
	}
	reportSecretHits(pass, hits)
	return nil
}

// isGenericMatch reports whether a match comes from a keyword-and-entropy rule rather than a
// distinctive token format.
func isGenericMatch(m secrets.Match) bool { return strings.Contains(m.RuleID, "generic") }

// tokenRank orders rules matching the same span: distinctive gitleaks rules, then ours, then
// generic ones.
func tokenRank(m secrets.Match) int {
	switch {
	case isGenericMatch(m):
		return 2
	case strings.HasPrefix(m.RuleID, "dagwarden-"):
		return 1
	}
	return 0
}

// insideURL reports whether a generic match lies inside a connection URI (the URI rule owns it).
func insideURL(m secrets.Match, urls []secrets.Match) bool {
	if !isGenericMatch(m) {
		return false
	}
	for _, u := range urls {
		if m.Start < u.MatchEnd && u.MatchStart < m.End {
			return true
		}
	}
	return false
}

// tokenMessage names what was found (from the detector rule's ID), never the value.
func tokenMessage(m secrets.Match) string {
	if isGenericMatch(m) {
		return "high-entropy value assigned to a secret-like name"
	}
	switch m.RuleID {
	case secrets.RuleFernetKey:
		return "Airflow Fernet key written in the file"
	case secrets.RulePrefectAPIKey:
		return "Prefect Cloud API key written in the file"
	case secrets.RuleDagsterCloudToken:
		return "Dagster+ token written in the file"
	}
	words := strings.Split(m.RuleID, "-")
	for i, w := range words {
		if n, ok := tokenWords[w]; ok {
			words[i] = n
		}
	}
	name := strings.Join(words, " ")
	if len(name) > 80 {
		name = name[:80]
	}
	return name + " written in the file"
}

// tokenWords spell the words of gitleaks rule IDs the way their vendors do.
var tokenWords = map[string]string{"aws": "AWS", "github": "GitHub", "gitlab": "GitLab", "gcp": "GCP",
	"pat": "personal access token", "api": "API", "jwt": "JWT", "slack": "Slack", "openai": "OpenAI",
	"azure": "Azure", "ad": "AD", "sendgrid": "SendGrid", "stripe": "Stripe", "twilio": "Twilio",
	"pypi": "PyPI", "databricks": "Databricks", "snowflake": "Snowflake", "hashicorp": "HashiCorp",
	"tf": "Terraform", "vault": "Vault", "prefect": "Prefect", "huggingface": "Hugging Face",
	"anthropic": "Anthropic", "ssh": "SSH", "dsa": "DSA", "rsa": "RSA", "ec": "EC", "pkcs12": "PKCS#12",
	"sql": "SQL", "url": "URL", "oauth": "OAuth", "id": "ID", "kubernetes": "Kubernetes", "yaml": "YAML",
	"mailgun": "Mailgun", "heroku": "Heroku", "shopify": "Shopify", "datadog": "Datadog",
	"facebook": "Facebook", "twitter": "Twitter"}

// commentedOut reports whether the line holding off starts with a '#' comment.
func commentedOut(f *source.File, off int) bool {
	if off < 0 || off > len(f.Content) {
		return false
	}
	l := f.LineText(f.Pos(off).Line)
	return strings.HasPrefix(strings.TrimSpace(l), "#")
}

// serviceAccountEmail finds the client_email of a GCP service-account key (plain or escaped
// JSON) and captures its project.
var serviceAccountEmail = regexp.MustCompile(`client_email[\\"':\s]+[A-Za-z0-9._-]+@([a-z0-9-]+)\.iam\.gserviceaccount\.com`)

// placeholderProject matches project IDs that say they are not real.
var placeholderProject = regexp.MustCompile(`^(?:dummy|fake|example|sample|placeholder|test-project|my-project|your-project)(?:-|$)|-(?:dummy|fake|example)(?:-|$)`)

// placeholderServiceAccount reports whether the private key at [start, end) belongs to a GCP
// service-account key whose client_email is in a placeholder project (dummy-project,
// example-project), as in local development connection files: such a key signs for no account.
func placeholderServiceAccount(content []byte, start, end int) bool {
	const window = 4096 // a service-account JSON is about 2.3 KB; the key sits in the middle
	lo, hi := max(start-window, 0), min(end+window, len(content))
	m := serviceAccountEmail.FindSubmatch(content[end:hi]) // client_email follows private_key
	if m == nil {
		all := serviceAccountEmail.FindAllSubmatch(content[lo:start], -1)
		if len(all) == 0 {
			return false
		}
		m = all[len(all)-1]
	}
	return placeholderProject.Match(m[1])
}
