FROM centos:7 AS build
RUN yum install -y gcc
FROM centos:7
RUN yum install -y httpd
RUN yum install -y vim && yum clean all
RUN yum install -y vim && yum clean metadata
RUN yum clean all && yum install -y git
RUN yum install -y git && rm -rf /var/cache/yum
RUN --mount=type=cache,target=/var/cache/yum yum install -y jq
ONBUILD RUN yum install -y less
RUN sudo yum install -y \
    # comment
    make && sh -c 'yum clean all'
