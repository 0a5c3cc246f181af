"""SSH clients that accept any host key."""
import subprocess

import asyncssh
import paramiko
import pysftp
from airflow.operators.bash import BashOperator
from paramiko import WarningPolicy

ssh = paramiko.SSHClient()
ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # want: ssh-auto-add-host-key "`AutoAddPolicy`"
ssh.set_missing_host_key_policy(WarningPolicy)  # want: ssh-auto-add-host-key "`WarningPolicy`"

cnopts = pysftp.CnOpts()
cnopts.hostkeys = None  # want: ssh-auto-add-host-key "pysftp"


async def run():
    async with asyncssh.connect("sftp.partner.example.com", known_hosts=None) as conn:  # want: ssh-auto-add-host-key
        return await conn.run("ls")


subprocess.run(["ssh", "-o", "StrictHostKeyChecking=no", "etl@bastion.example.com", "true"])  # want: ssh-auto-add-host-key

sync = BashOperator(
    task_id="sync",
    bash_command="rsync -e 'ssh -o StrictHostKeyChecking=no' data/ etl@files.example.com:/in/",  # want: ssh-auto-add-host-key
)
