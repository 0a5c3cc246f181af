"""Database and Kafka clients without TLS or without certificate checks."""
import os

import psycopg2
import pymongo
import snowflake.connector
from kafka import KafkaProducer
from sqlalchemy import create_engine

conn = psycopg2.connect(host="warehouse.example.com", dbname="dw", user="etl",
                        password=os.environ["DW_PASSWORD"], sslmode="disable")  # want: database-client-tls-disabled "sslmode=disable to `warehouse.example.com`: the password travels over it"
engine = create_engine("postgresql+psycopg2://etl@warehouse.example.com/dw?sslmode=disable")  # want: database-client-tls-disabled "`sqlalchemy.create_engine` connects with sslmode=disable"
legacy = psycopg2.connect("host=legacy-db.example.com dbname=dw sslmode=prefer")  # want: database-client-tls-disabled "sslmode=prefer"

mongo = pymongo.MongoClient("mongodb://etl:not-a-real-password@mongo.example.com:27017/")  # want: database-client-tls-disabled "without TLS .*: the password travels over it"
lax = pymongo.MongoClient("mongodb+srv://cluster0.example.mongodb.net/", tlsAllowInvalidCertificates=True)  # want: database-client-tls-disabled "tlsAllowInvalidCertificates"

sf = snowflake.connector.connect(account="xy12345", user="etl", insecure_mode=True)  # want: database-client-tls-disabled "insecure_mode"

producer = KafkaProducer(bootstrap_servers=["kafka-1.example.com:9092"], security_protocol="PLAINTEXT")  # want: database-client-tls-disabled "security_protocol=PLAINTEXT"
