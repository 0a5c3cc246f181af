import os

DISABLE = False
CSRF_ENABLED = DISABLE  # want: airflow-csrf-disabled "`CSRF_ENABLED = False`"
