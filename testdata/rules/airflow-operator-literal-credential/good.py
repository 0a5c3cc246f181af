from airflow.models import Variable
from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
from airflow.providers.cncf.kubernetes.secret import Secret
from airflow.providers.http.operators.http import HttpOperator
from airflow.providers.slack.operators.slack import SlackAPIPostOperator

post = SlackAPIPostOperator(task_id="post", slack_conn_id="slack", text="hi")
templated = SlackAPIPostOperator(task_id="t", token="{{ var.value.slack_token }}", text="hi")
from_variable = SlackAPIPostOperator(task_id="v", token=Variable.get("slack_token"), text="hi")
call = HttpOperator(task_id="call", http_conn_id="api", headers={"Content-Type": "application/json"})
pod = KubernetesPodOperator(
    task_id="pod",
    image="etl:1",
    env_vars={"MODE": "prod", "API_KEY": "{{ conn.api.password }}"},
    secrets=[Secret("env", "API_KEY", "k8s-secret", "api-key")],
)
