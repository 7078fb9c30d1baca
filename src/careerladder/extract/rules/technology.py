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


_SINGLE: dict[str, str] = {a: n for a, n in _alias_to_name.items() if " " not in a and a not in _SENSITIVE_ALIASES}
_MULTI: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _alias, _name in _alias_to_name.items():
    if " " in _alias:
        _words = tuple(_alias.split())
        _MULTI.setdefault(_words[0], []).append((_words, _name))
for _options in _MULTI.values():
    _options.sort(key=lambda o: -len(o[0]))  # "google cloud platform" before "google cloud"
_EXACT: dict[str, str] = {n: n for n in CASE_SENSITIVE if n != "Go"} | {"Node": "Node.js", "JS": "JavaScript"}
#: Lower-case words a technology name can start with, and names matched only as written.
_STARTS = frozenset(_SINGLE) | frozenset(_MULTI)
_EXACT_WORDS = frozenset(_EXACT)
#: Words as technologies write them: "node.js", "c#", "c++", ".net", "objective-c", "k8s".
_WORD = re.compile(r"[A-Za-z0-9.#+][A-Za-z0-9.#+-]*")
#: "Go" / "R" / "C" only in a list of technologies or after "in"/"with"/"using".
_SHORT = re.compile(r"(?:[,(/]\s*|\b(?:in|with|using|and|or)\s+)(Go|R|C)(?=\s*[,)/]|\s+(?:and|or)\s+[A-Z])")


def find(st: Statement, ctx) -> list[Requirement]:
    """One technology requirement per distinct technology named in ``st`` (first mention wins).

    The statement's words are looked up in the alias tables (several-word names first); only
    "Go"/"R"/"C" need their context, read by a pattern.
    """
    if ctx.section_kind == "benefits":
        return []
    words = [w.rstrip(".-") if w[0] != "." else w.rstrip("-") for w in _WORD.findall(st.text)]
    if not words:
        return []
    lower = "\n".join(words).lower().split("\n")  # the words are ASCII: one lower() for all
    found: dict[str, Requirement] = {}

    def add(name: str, raw: str) -> None:
        if name not in found:
            found[name] = requirement("technology", st, raw, value=name)

    starts, exact = _STARTS.intersection(lower), _EXACT_WORDS.intersection(words)
    if starts or exact:  # most statements name none; only words that can start a name are looked at
        following = 0  # words before this one belong to a several-word name already taken
        for i in [i for i, w in enumerate(lower) if w in starts or words[i] in exact]:
            if i < following:
                continue
            step = 1
            for phrase, name in _MULTI.get(lower[i], ()):
                if tuple(lower[i:i + len(phrase)]) == phrase:
                    add(name, " ".join(words[i:i + len(phrase)]))
                    step = len(phrase)
                    break
            else:
                if lower[i] in _SINGLE:
                    add(_SINGLE[lower[i]], words[i])
                elif words[i] in _EXACT:
                    add(_EXACT[words[i]], words[i])
            following = i + step
    if "Go" in words or "R" in words or "C" in words:
        for m in _SHORT.finditer(st.text):
            add(m.group(1), m.group(1))
    return list(found.values())
