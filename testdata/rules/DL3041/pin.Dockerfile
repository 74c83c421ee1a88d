FROM fedora:40
RUN dnf install -y httpd-2.4.6 nginx && microdnf install -y git
RUN dnf module install -y nodejs:18 php && yum install -y vim
RUN dnf install -y \
    # comment
    tar-1.34 jq
ONBUILD RUN sudo dnf install -y less
