"""Known host keys loaded and unknown keys rejected."""
import subprocess

import asyncssh
import paramiko

ssh = paramiko.SSHClient()
ssh.load_system_host_keys()
ssh.set_missing_host_key_policy(paramiko.RejectPolicy())


async def run():
    async with asyncssh.connect("sftp.partner.example.com", known_hosts="/etc/ssh/known_hosts") as conn:
        return await conn.run("ls")


subprocess.run(["ssh", "-o", "StrictHostKeyChecking=yes", "etl@bastion.example.com", "true"])
subprocess.run(["ssh", "-o", "StrictHostKeyChecking=accept-new", "etl@bastion.example.com", "true"])
print("set StrictHostKeyChecking=no only in your sandbox")  # not a command
