# Safe listeners and look-alikes: none of these is reported.
resource "aws_lb" "airflow" {
  name = "airflow-ui"
}

# HTTP only redirects to HTTPS.
resource "aws_lb_listener" "airflow_redirect" {
  load_balancer_arn = aws_lb.airflow.arn
  port              = "80"
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "airflow_https" {
  load_balancer_arn = aws_lb.airflow.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.webserver.arn
  }
}

# The protocol chosen by the caller is not judged here.
resource "aws_lb_listener" "from_variable" {
  load_balancer_arn = aws_lb.airflow.arn
  protocol          = var.listener_protocol
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.webserver.arn
  }
}

# A network load balancer listener on TCP is not an HTTP listener.
resource "aws_lb_listener" "tcp" {
  load_balancer_arn = aws_lb.airflow.arn
  protocol          = "TCP"
  port              = 5432
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.db.arn
  }
}

# A target group speaking HTTP to the tasks behind the load balancer is not a listener.
resource "aws_lb_target_group" "webserver" {
  protocol = "HTTP"
  port     = 8080
}

resource "aws_elb" "https_only" {
  name = "airflow-classic"
  listener {
    instance_port      = 8080
    instance_protocol  = "http"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = var.certificate_arn
  }
}
