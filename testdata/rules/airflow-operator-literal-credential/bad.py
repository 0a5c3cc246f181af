from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
from airflow.providers.http.operators.http import HttpOperator
from airflow.providers.slack.operators.slack import SlackAPIPostOperator

post = SlackAPIPostOperator(task_id="post", token="fixture-slack-token-83kd", text="hi")  # want: airflow-operator-literal-credential "argument `token` is a literal"
call = HttpOperator(
    task_id="call",
    http_conn_id="api",
    headers={"Authorization": "Bearer fixture-bearer-token-0a9s8d7f"},  # want: airflow-operator-literal-credential "Authorization"
)
pod = KubernetesPodOperator(
    task_id="pod",
    image="etl:1",
    env_vars={"API_KEY": "fixture-api-key-9d8f7g6h", "MODE": "prod"},  # want: airflow-operator-literal-credential "API_KEY"
)
