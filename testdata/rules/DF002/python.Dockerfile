FROM python:3.12-slim AS heredoc
WORKDIR /src
COPY [".", "/src"]
RUN <<EOF
set -e
python -m pip install --no-cache-dir -r requirements.txt
EOF

# `pip install .` resolves the project's dependencies from the copied source.
FROM python:3.12-slim AS local
COPY . /src
RUN pip install --no-cache-dir flask && \
    pip install --no-cache-dir -e . && \
    # uv too
    uv sync --frozen

# Not reported: requirements installed first, then the project itself.
FROM python:3.12-slim AS layered
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN pip install --no-cache-dir --no-deps .

# Not reported: the install in the base stage (named in another case) was layered; named packages are not the project's.
FROM LAYERED
COPY . .
RUN pip install --no-cache-dir . && pip install gunicorn

# An absolute path to the copied project is a local install too.
FROM python:3.12-slim
COPY . /src
RUN pip install --no-cache-dir /src
