import os

import sqlalchemy

engine = sqlalchemy.create_engine(f"postgresql://etl:{os.environ['PW']}@db.prod/dwh")
env = sqlalchemy.create_engine("postgresql://etl:${DB_PASSWORD}@db.prod/dwh")
empty = "redis://:@redis:6379/0"
no_password = "postgresql://etl@db.prod/dwh"
placeholder = "postgresql://user:<password>@host/db"
word = "postgresql://user:password@host/db"
default = "postgresql+psycopg2://airflow:airflow@postgres/airflow"
