# The fix appends the cleanup when the RUN ends with the install, and offers it once per RUN.
FROM centos:7
RUN yum install -y httpd-2.4.6
RUN yum install -y a-1 && yum install -y b-1
RUN /usr/bin/yum install -y c-1 \
    && yum groupinstall -y "Development Tools"
RUN yum install -y d-1 && echo done
RUN yum install -y e-1 | tee /log
RUN yum install -y f-1 # the last word is a comment
RUN <<EOF
yum install -y g-1
EOF
