from alpine:3.20
run echo hello
copy . /app
RUN echo upper
Workdir /app
