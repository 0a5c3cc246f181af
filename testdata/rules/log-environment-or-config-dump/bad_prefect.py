"""Prefect flows that print the environment through prefect-shell and print."""
import os

from prefect import flow
from prefect_shell import ShellOperation, shell_run_command


@flow(log_prints=True)
def debug():
    ShellOperation(commands=["echo start", "printenv"]).run()  # want: log-environment-or-config-dump@45 "`printenv` in the `commands` of `ShellOperation` prints every environment variable with its value into the flow run log"
    shell_run_command(command="env | grep SECRET")  # want: log-environment-or-config-dump@32 "matching `SECRET`"
    print(dict(os.environ))  # want: log-environment-or-config-dump
