import sqlalchemy

engine = sqlalchemy.create_engine("postgresql://etl:fixture-S3cret-1@db.prod/dwh")  # want: credential-in-url-userinfo "`postgresql` URI carries a literal password"
BROKER = "amqp://worker:fixture-amqp-pw-7@rabbit.prod:5672//"  # want: credential-in-url-userinfo
