FROM centos:7
RUN yum install -y httpd-2.4.6 nginx gcc-c++ python3-devel nodejs-18.19.0-1.el9 /tmp/x.rpm "$PKG"
RUN yum install -y \
    # comment
    java-11-openjdk && yum groupinstall -y "Development Tools" && yum install -y @core
RUN yum module install -y nodejs:18 php && dnf install -y vim
ONBUILD RUN yum install -y git
