from celery import Celery

app = Celery("etl", broker="redis://redis.example.com:6379/0")  # want: broker-url-plaintext "the Celery broker"
app.conf.result_backend = "redis://:not-a-real-password@redis.example.com:6379/1"  # want: broker-url-plaintext "result backend .* password"
local = Celery("dev", broker="redis://localhost:6379/0", backend="rediss://redis.example.com:6380/1")
