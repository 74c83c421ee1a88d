FROM python:3.12-slim
RUN pip install --no-cache-dir flask==3.0.0 'requests>=2.31' "django~=5.0" numpy
RUN pip3 install -r requirements.txt gunicorn
RUN python3 -m pip install --upgrade pip && pip install -e ./lib . /wheels/app-1.0-py3-none-any.whl dist/app.tar.gz
RUN pip install -i https://pypi.example.com/simple --trusted-host pypi.example.com \
    # VCS URLs need a ref to be pinned
    git+https://github.com/org/repo.git \
    git+https://github.com/org/repo.git@v1.2.0 \
    "pkg @ https://example.com/pkg-1.0.tar.gz" \
    'uvicorn[standard]'
RUN pip install -c constraints.txt fastapi
RUN sudo pip install black && sh -c 'pip install ruff'
RUN uv pip install --system httpx "attrs==23.2.0"
ONBUILD RUN pip install --no-cache-dir pyyaml
RUN <<EOF
pip install \
  pytest
EOF
RUN pipenv install requests && pipx install poetry && pip download six
