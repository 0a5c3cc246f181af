"""TLS required, local databases and connection details from the environment."""
import os

import psycopg2
import pymongo
from kafka import KafkaProducer
from sqlalchemy import create_engine

conn = psycopg2.connect(host="warehouse.example.com", dbname="dw", sslmode="verify-full", sslrootcert="/etc/ssl/rds-ca.pem")
engine = create_engine("postgresql+psycopg2://etl@warehouse.example.com/dw?sslmode=require")
local = psycopg2.connect(host="localhost", dbname="dev", sslmode="disable")
socket = psycopg2.connect(dbname="dev", sslmode="disable")
from_env = create_engine(os.environ["DATABASE_URL"])

mongo = pymongo.MongoClient("mongodb+srv://cluster0.example.mongodb.net/")
mongo_tls = pymongo.MongoClient("mongodb://mongo.example.com:27017/?tls=true")
mongo_local = pymongo.MongoClient("mongodb://127.0.0.1:27017/")

producer = KafkaProducer(bootstrap_servers=["kafka-1.example.com:9093"], security_protocol="SSL")
