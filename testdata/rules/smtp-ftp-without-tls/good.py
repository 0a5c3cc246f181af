"""STARTTLS, implicit TLS, FTP_TLS and a local relay."""
import ftplib
import os
import smtplib
import ssl


def send_report(msg):
    server = smtplib.SMTP("smtp.example.com", 587)
    server.starttls(context=ssl.create_default_context())
    server.login("reports", os.environ["SMTP_PASSWORD"])
    server.send_message(msg)


def send_local(msg):
    relay = smtplib.SMTP("localhost", 25)
    relay.send_message(msg)


def send_ssl(msg):
    server = smtplib.SMTP_SSL("smtp.example.com", 465)
    server.login("reports", os.environ["SMTP_PASSWORD"])


def fetch_export():
    ftp = ftplib.FTP_TLS("ftp.vendor.example.com")
    ftp.login("etl", os.environ["FTP_PASSWORD"])
    ftp.prot_p()


anonymous = ftplib.FTP("ftp.gnu.org")
anonymous.login()
