"""SMTP and FTP logins in clear."""
import ftplib
import os
import smtplib

from prefect_email import EmailServerCredentials


def send_report(msg):
    server = smtplib.SMTP("smtp.example.com", 587)
    server.login("reports", os.environ["SMTP_PASSWORD"])  # want: smtp-ftp-without-tls "SMTP login without STARTTLS"
    server.send_message(msg)


def fetch_export():
    ftp = ftplib.FTP("ftp.vendor.example.com")
    ftp.login("etl", os.environ["FTP_PASSWORD"])  # want: smtp-ftp-without-tls "FTP login without TLS"
    return ftp.nlst()


quick = ftplib.FTP("ftp.vendor.example.com", "etl", os.environ["FTP_PASSWORD"])  # want: smtp-ftp-without-tls

creds = EmailServerCredentials(username="reports", password="not-a-real-password", smtp_server="smtp.example.com",
                               smtp_type="INSECURE")  # want: smtp-ftp-without-tls "smtp_type=INSECURE"
