"""technology: named languages, frameworks, data stores, clouds and tools.

``value`` is the canonical name ("Go" for "Golang"), ``text`` the words as
written. Names that are also English words ("Go", "R", "C", "Swift", "Chef")
match only with their own capitalization, and "Go"/"R"/"C" only beside
other technologies or after "in"/"with".
"""

from __future__ import annotations

import re

from ...model import Requirement, Statement
from ._util import requirement

#: canonical name -> aliases (case-insensitive unless listed in CASE_SENSITIVE).
TECHNOLOGIES: dict[str, tuple[str, ...]] = {
    "Go": ("golang",), "Python": ("python",), "Java": ("java",), "JavaScript": ("javascript", "js"),
    "TypeScript": ("typescript",), "PHP": ("php",), "Ruby": ("ruby",), "Ruby on Rails": ("ruby on rails", "rails"),
    "Scala": ("scala",), "Kotlin": ("kotlin",), "Swift": (), "Objective-C": ("objective-c", "objective c"),
    "C#": ("c#", "csharp"), "C++": ("c++", "cpp"), "Rust": (), "Elixir": ("elixir",), "Erlang": ("erlang",),
    "Clojure": ("clojure",), "Haskell": ("haskell",), "Perl": ("perl",), "Dart": ("dart",),
    "Lua": ("lua",), "Groovy": ("groovy",), "F#": ("f#",), "SQL": ("sql",), "Bash": ("bash",),
    ".NET": (".net", "dotnet", "asp.net"), "Node.js": ("node.js", "nodejs", "node"),
    "React": ("react", "react.js", "reactjs"), "React Native": ("react native",), "Angular": ("angular", "angularjs"),
    "Vue.js": ("vue", "vue.js", "vuejs"), "Svelte": ("svelte",), "Next.js": ("next.js", "nextjs"),
    "Django": ("django",), "Flask": ("flask",), "FastAPI": ("fastapi",), "Spring": ("spring", "spring boot"),
    "Laravel": ("laravel",), "Symfony": ("symfony",), "Express": ("express.js", "expressjs"),
    "GraphQL": ("graphql",), "gRPC": ("grpc",), "Kafka": ("kafka",),
    "RabbitMQ": ("rabbitmq",), "Redis": ("redis",), "Memcached": ("memcached",),
    "PostgreSQL": ("postgresql", "postgres"), "MySQL": ("mysql",), "MariaDB": ("mariadb",),
    "MongoDB": ("mongodb", "mongo"), "Cassandra": ("cassandra",), "DynamoDB": ("dynamodb",),
    "Elasticsearch": ("elasticsearch", "elastic search", "opensearch"), "Oracle": ("oracle",),
    "SQL Server": ("sql server", "mssql"), "Snowflake": ("snowflake",), "BigQuery": ("bigquery",),
    "Redshift": ("redshift",), "Spark": (), "Hadoop": ("hadoop",), "Airflow": ("airflow",),
    "dbt": ("dbt",), "Flink": ("flink",), "Databricks": ("databricks",),
    "AWS": ("aws", "amazon web services"), "GCP": ("gcp", "google cloud", "google cloud platform"),
    "Azure": ("azure",), "Docker": ("docker",), "Kubernetes": ("kubernetes", "k8s"), "Terraform": ("terraform",),
    "Ansible": ("ansible",), "Chef": (), "Puppet": (), "Helm": ("helm",), "Jenkins": ("jenkins",),
    "GitHub Actions": ("github actions",), "GitLab CI": ("gitlab ci",), "CircleCI": ("circleci",),
    "Linux": ("linux",), "Git": ("git",), "Prometheus": ("prometheus",), "Grafana": ("grafana",),
    "Datadog": ("datadog",), "Splunk": ("splunk",), "Lambda": ("aws lambda",), "TensorFlow": ("tensorflow",),
    "PyTorch": ("pytorch",), "scikit-learn": ("scikit-learn", "sklearn"), "Pandas": ("pandas",),
    "iOS": ("ios",), "Android": ("android",),
    "HTML": ("html", "html5"), "CSS": ("css", "css3", "sass", "scss"), "Webpack": ("webpack",),
    "jQuery": ("jquery",), "Unity": (), "Salesforce": ("salesforce",), "SAP": (), "Hive": (),
    "Jira": ("jira",), "Selenium": ("selenium",), "Cypress": ("cypress",), "OpenAPI": ("openapi", "swagger"),
    "Nginx": ("nginx",), "Apache": (), "Cloudflare": ("cloudflare",), "Heroku": ("heroku",),
    "OpenShift": ("openshift",), "Istio": ("istio",), "Solidity": ("solidity",), "Ethereum": ("ethereum",),
}
#: Names matched only as written (they are also English words).
CASE_SENSITIVE = ("Swift", "Rust", "Chef", "Puppet", "Spark", "Unity", "SAP", "Hive", "Apache", "Go",
                  "React", "Express", "Spring", "Flask", "Node", "Helm", "Oracle", "Lambda", "Git",
                  "Dart", "Redshift", "Snowflake")
_SENSITIVE_ALIASES = {"react", "express", "spring", "flask", "node", "helm", "oracle", "git",
                      "dart", "redshift", "snowflake", "js"}

_alias_to_name: dict[str, str] = {}
for _name, _aliases in TECHNOLOGIES.items():
    for _alias in _aliases:
        _alias_to_name[_alias] = _name


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_BOUND_L = r"(?<![\w.#+-])"
_BOUND_R = r"(?![\w#+]|\.\w)"
_INSENSITIVE = re.compile(
    rf"{_BOUND_L}({_alternation(a for a in _alias_to_name if a not in _SENSITIVE_ALIASES)}){_BOUND_R}", re.I)
_SENSITIVE = re.compile(
    rf"{_BOUND_L}({_alternation([n for n in CASE_SENSITIVE if n != 'Go'] + ['Node', 'JS'])}){_BOUND_R}")
#: "Go" / "R" / "C" only in a list of technologies or after "in"/"with"/"using".
_SHORT = re.compile(r"(?:[,(/]\s*|\b(?:in|with|using|and|or)\s+)(Go|R|C)(?=\s*[,)/]|\s+(?:and|or)\s+[A-Z])")


def find(st: Statement, ctx) -> list[Requirement]:
    """One technology requirement per distinct technology named in ``st``."""
    if ctx.section_kind == "benefits":
        return []
    text = st.text
    found: dict[str, Requirement] = {}
    for pattern in (_INSENSITIVE, _SENSITIVE, _SHORT):
        for m in pattern.finditer(text):
            raw = m.group(1)
            name = _alias_to_name.get(raw.lower(), raw)
            if raw in ("Node", "JS"):
                name = {"Node": "Node.js", "JS": "JavaScript"}[raw]
            if name not in found:
                found[name] = requirement("technology", st, raw, value=name)
    return list(found.values())
