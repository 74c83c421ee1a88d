FROM centos:7
RUN yum install httpd && yum groupinstall "Development Tools"
RUN yum install -y httpd && yum -y install git && yum --assumeyes install vim && yum localinstall /tmp/x.rpm
RUN yum update && yum remove httpd
RUN sudo yum install \
    # comment
    nano
RUN ["yum", "install", "git"]
ONBUILD RUN yum install make
