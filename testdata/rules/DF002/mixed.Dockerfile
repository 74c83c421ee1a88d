# An install of one ecosystem does not prepare another.
FROM python:3.12 AS app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
RUN pip install --no-deps . && npm ci

# ONBUILD triggers are checked among themselves.
FROM node:22 AS template
ONBUILD COPY . /app
ONBUILD RUN npm install
FROM node:22
ONBUILD COPY package.json /app/
ONBUILD RUN npm install
ONBUILD COPY . /app
