package secrets

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"regexp/syntax"
	"strings"
)

// fakeSecret generates a random string matching pattern, like gitleaks' secrets.NewSecret
// (lucasjones/reggen). Values are random, so nothing generated here is a live credential.
func fakeSecret(rng *rand.Rand, pattern string) string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		panic(err)
	}
	var b strings.Builder
	genRegex(rng, &b, re.Simplify())
	return b.String()
}

const printable = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"

func genRegex(rng *rand.Rand, b *strings.Builder, re *syntax.Regexp) {
	reps := func(lo, hi int) int {
		if hi < 0 {
			hi = lo + 3
		}
		if hi > lo+8 {
			hi = lo + (hi-lo)/4
		}
		return lo + rng.IntN(hi-lo+1)
	}
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 && rng.IntN(4) == 0 {
				r = []rune(strings.ToUpper(string(r)))[0]
			}
			b.WriteRune(r)
		}
	case syntax.OpCharClass:
		var opts []rune
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := max(re.Rune[i], 0x20); r <= min(re.Rune[i+1], 0x7e); r++ {
				opts = append(opts, r)
			}
		}
		if len(opts) == 0 {
			if len(re.Rune) > 0 {
				b.WriteRune(re.Rune[0])
			}
			return
		}
		b.WriteRune(opts[rng.IntN(len(opts))])
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte(printable[rng.IntN(len(printable))])
	case syntax.OpCapture:
		genRegex(rng, b, re.Sub[0])
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		lo, hi := 0, 3
		switch re.Op {
		case syntax.OpPlus:
			lo = 1
		case syntax.OpQuest:
			hi = 1
		case syntax.OpRepeat:
			lo, hi = re.Min, re.Max
		}
		for n := reps(lo, hi); n > 0; n-- {
			genRegex(rng, b, re.Sub[0])
		}
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			genRegex(rng, b, sub)
		}
	case syntax.OpAlternate:
		genRegex(rng, b, re.Sub[rng.IntN(len(re.Sub))])
	}
}

// ruleSamples returns, for every rule with a regex, lines holding a generated sample in a few of
// the contexts pipeline repositories use (Python, YAML, .env, JSON, base64-wrapped).
func ruleSamples(rng *rand.Rand, s *Scanner) []string {
	var lines []string
	for _, r := range s.rules {
		if r.Regex == nil {
			continue
		}
		for k := 0; k < 3; k++ {
			v := fakeSecret(rng, r.Regex.String())
			if strings.ContainsAny(v, "\r") {
				continue
			}
			switch k {
			case 0:
				lines = append(lines, v)
			case 1:
				lines = append(lines, fmt.Sprintf("    %s_value = %q", strings.ReplaceAll(r.RuleID, "-", "_"), v))
			case 2:
				if rng.IntN(2) == 0 {
					lines = append(lines, "blob: "+base64.StdEncoding.EncodeToString([]byte(v)))
				} else {
					lines = append(lines, fmt.Sprintf(`{"%s": "%s"}`, r.RuleID, strings.ReplaceAll(v, `"`, `'`)))
				}
			}
		}
	}
	rng.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	return lines
}

// Realistic pipeline code without secrets: Airflow/Prefect/Dagster snippets full of the words
// gitleaks' generic rule keys on (token, key, secret, password, auth, api, access).
var benignSnippets = []string{
	`from airflow import DAG
from airflow.operators.python import PythonOperator
from airflow.providers.amazon.aws.hooks.s3 import S3Hook
from airflow.models import Variable

default_args = {"owner": "data-eng", "retries": 2, "access_control": {"Viewer": {"can_read"}}}

def extract(**context):
    hook = S3Hook(aws_conn_id="aws_default")
    api_token = Variable.get("api_token")
    key = f"raw/{context['ds']}/events.json"
    return hook.read_key(key=key, bucket_name="datalake")
`,
	`@task(retries=3)
def load_table(df, table_name: str, secret_block: str = "warehouse-creds"):
    creds = Secret.load(secret_block).get()
    password = os.environ["WAREHOUSE_PASSWORD"]
    auth = (creds["user"], password)
    response = requests.post(API_URL + "/api/v1/load", auth=auth, json={"table": table_name})
    response.raise_for_status()
    return response.json()["access_key_id"]
`,
	`class WarehouseResource(ConfigurableResource):
    account: str
    user: str
    password: str = EnvVar("SNOWFLAKE_PASSWORD")
    private_key_path: Optional[str] = None
    token_ttl_seconds: int = 3600

    def get_connection(self):
        return snowflake.connector.connect(account=self.account, user=self.user, password=self.password)
`,
	`  scheduler:
    image: apache/airflow:2.9.3
    environment:
      AIRFLOW__CORE__FERNET_KEY: ${FERNET_KEY}
      AIRFLOW__DATABASE__SQL_ALCHEMY_CONN: postgresql+psycopg2://airflow:${POSTGRES_PASSWORD}@postgres/airflow
      AIRFLOW__API__AUTH_BACKENDS: airflow.api.auth.backend.session
      AIRFLOW__WEBSERVER__SECRET_KEY_CMD: cat /run/secrets/webserver_key
    secrets:
      - webserver_key
`,
	`deployments:
- name: nightly
  entrypoint: flows/etl.py:etl
  work_pool:
    name: k8s
    job_variables:
      env:
        API_KEY: "{{ prefect.blocks.secret.api-key }}"
        TOKEN_URL: https://auth.example.com/oauth/token
  pull:
  - prefect.deployments.steps.git_clone:
      repository: https://github.com/acme/pipelines.git
      access_token: "{{ prefect.blocks.secret.github-token }}"
`,
	`def refresh_access_token(session, client_id, refresh_key):
    """Exchange the refresh key for a new access token; the secret never leaves the vault."""
    payload = {"grant_type": "refresh_token", "client_id": client_id, "refresh_token": refresh_key}
    resp = session.post(TOKEN_ENDPOINT, data=payload, timeout=30)
    if resp.status_code == 401:
        raise AuthError("authentication failed for api client %s" % client_id)
    return resp.json().get("access_token")
`,
	`# The API key, password and secret are read from the secrets backend at run time.
[secrets]
backend = airflow.providers.hashicorp.secrets.vault.VaultBackend
backend_kwargs = {"connections_path": "connections", "variables_path": "variables", "mount_point": "airflow"}

[webserver]
secret_key_secret = airflow/webserver-secret-key
auth_backend = airflow.api.auth.backend.basic_auth
`,
}

// neutralSnippets are the bulk of real pipeline code: transformations, SQL, DAG wiring, with
// none of the words secret rules key on.
var neutralSnippets = []string{
	`def transform(df: pd.DataFrame) -> pd.DataFrame:
    df = df.dropna(subset=["order_id", "customer_id"])
    df["order_date"] = pd.to_datetime(df["order_date"], utc=True)
    df["amount_eur"] = df["amount"] * df["fx_rate"]
    daily = df.groupby(df["order_date"].dt.date).agg(orders=("order_id", "count"), revenue=("amount_eur", "sum"))
    return daily.reset_index()
`,
	`INSERT INTO analytics.daily_orders (order_date, orders, revenue)
SELECT date_trunc('day', created_at) AS order_date, count(*) AS orders, sum(amount) AS revenue
FROM raw.orders
WHERE created_at >= '{{ ds }}' AND created_at < '{{ next_ds }}'
GROUP BY 1
ON CONFLICT (order_date) DO UPDATE SET orders = EXCLUDED.orders, revenue = EXCLUDED.revenue;
`,
	`with DAG(
    dag_id="daily_orders",
    schedule="0 3 * * *",
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    tags=["orders", "finance"],
) as dag:
    extract_task = PythonOperator(task_id="extract", python_callable=extract)
    transform_task = PythonOperator(task_id="transform", python_callable=transform)
    extract_task >> transform_task
`,
	`@asset(group_name="marts", deps=[raw_orders])
def daily_revenue(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    rows = warehouse.execute_query("SELECT * FROM marts.daily_revenue ORDER BY day DESC LIMIT 30")
    context.log.info("loaded %d rows", len(rows))
    return MaterializeResult(metadata={"rows": len(rows), "preview": MetadataValue.md(to_markdown(rows))})
`,
	`@flow(name="backfill", log_prints=True)
def backfill(start: date, end: date, batch_size: int = 7):
    day = start
    while day <= end:
        batch = [day + timedelta(days=i) for i in range(batch_size)]
        futures = [process_day.submit(d) for d in batch if d <= end]
        wait(futures)
        day += timedelta(days=batch_size)
`,
}

// genCorpus builds about size bytes of realistic pipeline files (benign snippets with, after one
// snippet in secretEvery, a generated secret line), split into files of a few KB.
func genCorpus(rng *rand.Rand, s *Scanner, size, secretEvery int) map[string][]byte {
	samples := ruleSamples(rng, s)
	files := map[string][]byte{}
	exts := []string{".py", ".yaml", ".py", ".env", ".cfg", ".py", ".json"}
	total := 0
	for n := 0; total < size; n++ {
		var b strings.Builder
		target := 2000 + rng.IntN(12000)
		for b.Len() < target {
			if rng.IntN(3) == 0 {
				b.WriteString(benignSnippets[rng.IntN(len(benignSnippets))])
			} else {
				b.WriteString(neutralSnippets[rng.IntN(len(neutralSnippets))])
			}
			b.WriteByte('\n')
			if rng.IntN(secretEvery) == 0 && len(samples) > 0 {
				b.WriteString(samples[rng.IntN(len(samples))])
				b.WriteByte('\n')
			}
		}
		name := fmt.Sprintf("repo%02d/pkg/file%04d%s", n%17, n, exts[n%len(exts)])
		files[name] = []byte(b.String())
		total += b.Len()
	}
	return files
}
