FROM golang:1.23 AS go
WORKDIR /src
COPY . .
RUN sh -c 'go mod download' && go build -o /app .

FROM rust:1.82 AS chef
RUN cargo install cargo-chef
COPY . .
RUN cargo chef prepare --recipe-path recipe.json
FROM rust:1.82 AS rust
COPY --from=chef /recipe.json recipe.json
RUN cargo chef cook --release --recipe-path recipe.json
COPY . .
RUN cargo build --release

FROM rust:1.82 AS naive
COPY . .
RUN cargo build --release

FROM maven:3.9-eclipse-temurin-21 AS java
COPY . .
RUN ./mvnw -B dependency:go-offline

FROM ruby:3.3 AS ruby
COPY . .
RUN bundle install
FROM composer:2 AS php
COPY . /app
RUN composer install --no-dev
