# The Airflow webserver behind an application load balancer, served over plain HTTP.
resource "aws_lb" "airflow" {
  name               = "airflow-ui"
  load_balancer_type = "application"
  internal           = false
}

resource "aws_lb_listener" "airflow_http" {
  load_balancer_arn = aws_lb.airflow.arn
  port              = 80
  protocol          = "HTTP" # want: load-balancer-listener-http "forwards it instead of redirecting"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.webserver.arn
  }
}

# A redirect that keeps the request's protocol is no fix.
resource "aws_alb_listener" "keeps_protocol" {
  load_balancer_arn = aws_lb.airflow.arn
  protocol          = "http" # want: load-balancer-listener-http "redirect does not switch to HTTPS"
  default_action {
    type = "redirect"
    redirect {
      protocol    = "#{protocol}"
      status_code = "HTTP_302"
    }
  }
}

# An internal load balancer: plain HTTP stays inside the VPC and is reported low.
resource "aws_lb" "prefect_internal" {
  name     = "prefect-server"
  internal = true
}

resource "aws_lb_listener" "prefect" {
  load_balancer_arn = aws_lb.prefect_internal.arn
  protocol          = "HTTP" # want: load-balancer-listener-http "^internal load balancer listener .* inside the VPC"
  port              = 4200
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.prefect.arn
  }
}

resource "aws_elb" "dagster_classic" {
  name = "dagster-webserver"
  listener {
    instance_port     = 3000
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http" # want: load-balancer-listener-http "^classic load balancer listener serves plain HTTP"
  }
  listener {
    instance_port      = 3000
    instance_protocol  = "http"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = var.certificate_arn
  }
}
