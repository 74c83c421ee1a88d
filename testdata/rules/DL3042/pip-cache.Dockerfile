FROM python:3.12-slim
RUN pip install flask==3.0.0
RUN pip install --no-cache-dir flask==3.0.0
RUN python3 -m pip install \
    # continuation with a comment
    --upgrade pip
RUN PIP_NO_CACHE_DIR=1 pip install flask && env PIP_NO_CACHE_DIR=off pip install six
RUN export PIP_NO_CACHE_DIR=true && pip install flask
RUN --mount=type=cache,target=/root/.cache/pip pip install flask
RUN --mount=type=cache,target=/root/.cache pip install flask
RUN --mount=type=cache,target=/home/app/.cache/pip pip install flask
RUN --mount=type=cache,target=/root/.cache/pip-other pip install flask
RUN pip install --no-deps /wheels/app-1.0-py3-none-any.whl && pip install --no-index /wheels/*.whl && pip install
RUN pip install /wheels/app-1.0-py3-none-any.whl
RUN sudo pip install flask && sh -c 'pip install flask'
RUN uv pip install --system flask && uv pip install --system --no-cache six
RUN pipenv install && pipx install poetry
ONBUILD RUN pip install flask
RUN <<EOF
pip install \
  flask
EOF
