"""The competency taxonomy: twelve areas an engineering-management role is judged on.

Each competency has an id, a name, a one-line description (our words) and a
lexicon of words and two-word phrases with a weight; ``careerladder.classify``
stems both the lexicon and the statements (Snowball) before matching.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Competency:
    """One area of the taxonomy. ``words``/``phrases``: word (or "word word") -> weight in (0, 1]."""

    id: str
    name: str
    description: str
    words: dict[str, float]
    phrases: dict[str, float]


def _w(spec: str) -> dict[str, float]:
    """``"hire recruit:0.8"`` -> {"hire": 1.0, "recruit": 0.8} (weight 1 unless given)."""
    out = {}
    for item in spec.split():
        word, _, weight = item.rpartition(":")
        if not word or not weight.replace(".", "").isdigit():
            word, weight = item, ""
        out[word.replace("_", " ")] = float(weight) if weight else 1.0
    return out


COMPETENCIES: tuple[Competency, ...] = (
    Competency(
        "people_management", "People management & coaching",
        "One-on-ones, feedback, performance, career growth, coaching and mentoring of the people you manage.",
        _w("coach:0.9 coaching:0.9 mentor:0.9 mentoring:0.9 mentorship feedback:0.8 1:1:0.9 1:1s:0.9 "
           "one-on-one one-on-ones performance:0.4 career:0.7 growth:0.3 develop:0.2 underperformance "
           "underperforming sponsor:0.6 morale:0.5 motivate:0.6 motivation:0.5 empower:0.5 inspire:0.4 "
           "promotion:0.6 promotions:0.6 people:0.4 wellbeing:0.6 happiness:0.5 manage:0.3 managing:0.3"),
        _w("career_development career_goals career_path career_growth performance_review performance_reviews "
           "performance_management personal_goals growth_plan development_plan people_management "
           "people_manager team_health give_feedback difficult_conversations professional_development "
           "direct_reports:0.8 grow_engineers manage_engineers:0.8 lead_engineers:0.6 team_members:0.4")),
    Competency(
        "hiring", "Hiring & team building",
        "Recruiting, interviewing, closing and onboarding engineers and managers; growing and retaining a team.",
        _w("hire:1 hiring:1 recruit:1 recruiting:1 recruitment:1 interview:0.9 interviewing:0.9 "
           "candidates:0.8 onboarding:0.9 talent:0.7 retention:0.7 retain:0.7 attract:0.7 headcount:0.5 "
           "sourcing:0.6 staffing:0.4 bench:0.4 succession:0.5"),
        _w("hiring_plan hiring_plans hiring_process talent_acquisition build_teams:0.8 grow_team:0.8 "
           "team_building:0.9 scale_team:0.7 scaling_teams:0.7 diverse_candidates recruiting_strategy "
           "employer_brand")),
    Competency(
        "delivery", "Delivery & execution",
        "Planning and shipping work predictably: commitments, deadlines, process, agile practice, unblocking.",
        _w("deliver:1 delivery:1 ship:0.9 shipping:0.9 execution:0.9 execute:0.9 deadline:0.9 timeline:0.7 "
           "milestone:0.7 sprint:0.8 agile:0.7 scrum:0.7 kanban:0.7 velocity:0.8 throughput:0.7 "
           "predictable:0.8 predictability:0.8 commitments:0.6 estimate:0.6 estimation:0.6 project:0.5 "
           "projects:0.5 process:0.4 blockers:0.7 unblock:0.8 retrospective:0.7 retros:0.7 backlog:0.7 "
           "planning:0.5 launch:0.6 release:0.5 results:0.4 efficiency:0.5 productivity:0.6 "
           "bottleneck:0.8 roadblocks:0.8 prioritization:0.5 prioritize:0.4"),
        _w("on_time project_management delivery_goals development_process execution_plan product_delivery "
           "key_results:0.4 delivering_results")),
    Competency(
        "strategy", "Strategy & roadmap",
        "Setting direction: vision, strategy, long-term roadmaps and priorities tied to business goals.",
        _w("strategy:1 strategic:1 strategies:1 vision:0.9 roadmap:0.9 roadmaps:0.9 long-term:0.7 "
           "priorities:0.5 direction:0.6 objectives:0.4 goals:0.3 okrs:0.5 mission:0.5 initiatives:0.4 "
           "future:0.4 anticipate:0.5 transformation:0.5 alignment:0.4 align:0.4 ambiguity:0.4"),
        _w("technical_strategy engineering_strategy company_goals business_goals long_term strategic_plan "
           "product_strategy multi-year annual_plan company_vision set_direction business_strategy")),
    Competency(
        "technical_direction", "Technical direction & architecture",
        "Architecture, design reviews, technical decisions, technical debt, and staying technically credible.",
        _w("architecture:1 architectural:1 architect:0.8 technical:0.4 design:0.4 code:0.6 coding:0.6 "
           "debt:0.8 scalability:0.7 scalable:0.7 systems:0.4 microservices:0.7 infrastructure:0.5 "
           "platform:0.4 api:0.5 apis:0.5 stack:0.5 framework:0.4 technology:0.5 technologies:0.5 "
           "hands-on:0.8 distributed:0.6 cloud:0.5 programming:0.7 software:0.3 tooling:0.4 devops:0.5"),
        _w("technical_debt tech_debt design_review design_reviews code_review code_reviews technical_decisions "
           "system_design best_practices:0.6 technical_direction technical_vision build_vs")),
    Competency(
        "quality_reliability", "Quality & reliability",
        "Quality, testing, reliability, incidents, on-call, security and performance of what the team runs.",
        _w("quality:1 test:0.7 testing:0.8 reliability:1 reliable:0.8 incident:1 incidents:1 on-call:1 "
           "oncall:1 outage:1 outages:1 availability:0.8 uptime:0.9 slo:1 slos:1 sla:0.9 slas:0.9 "
           "monitoring:0.7 observability:0.8 security:0.8 secure:0.6 stability:0.8 resilience:0.8 "
           "postmortem:1 postmortems:1 bugs:0.7 defects:0.8 compliance:0.6 risk:0.4 risks:0.4 privacy:0.6"),
        _w("on_call root_cause service_level disaster_recovery high_availability quality_standards "
           "code_quality operational_excellence")),
    Competency(
        "cross_functional", "Cross-functional partnership",
        "Working with product, design, data, sales and other departments toward shared outcomes.",
        _w("product:0.5 stakeholders:0.9 stakeholder:0.9 cross-functional:1 partner:0.8 partners:0.8 "
           "partnership:0.8 collaborate:0.7 collaboration:0.7 collaborating:0.7 department:0.6 "
           "departments:0.6 designers:0.6 ux:0.5 pm:0.6 pms:0.6 sales:0.6 marketing:0.5 counterparts:0.9 "
           "business:0.3 operations:0.3"),
        _w("product_management product_managers product_team product_owners cross_functional work_closely "
           "other_teams:0.6 other_departments")),
    Competency(
        "communication", "Communication & influence",
        "Clear written and spoken communication, influence without authority, presenting to executives and the board.",
        _w("communicate:1 communication:1 communicating:1 present:0.6 presentation:0.7 written:0.6 "
           "verbal:0.7 writing:0.5 influence:0.8 persuasive:0.8 consensus:0.7 negotiate:0.7 "
           "articulate:0.8 listen:0.6 transparency:0.5 transparent:0.5 report:0.3 executives:0.5 board:0.5 "
           "audiences:0.7 audience:0.7 explain:0.6 evangelize:0.7 advocate:0.5 documentation:0.3 "
           "clarity:0.5"),
        _w("communication_skills written_and verbal_communication non-technical_audiences build_consensus "
           "executive_team board_members")),
    Competency(
        "culture", "Culture & inclusion",
        "Building a healthy, inclusive culture: values, diversity, psychological safety, engagement, learning.",
        _w("culture:1 cultural:1 inclusion:1 inclusive:1 diversity:1 diverse:0.7 belonging:1 equity:0.8 "
           "values:0.4 trust:0.6 safety:0.5 morale:0.6 engagement:0.6 wellbeing:0.7 empathy:0.7 respect:0.5 "
           "learning:0.5 bias:0.8 biases:0.8 ethics:0.6 welcoming:0.7 burnout:0.8 happiness:0.6"),
        _w("psychological_safety engineering_culture team_culture continuous_learning unconscious_bias "
           "unconscious_biases diverse_backgrounds healthy_team")),
    Competency(
        "org_design", "Organization design & resourcing",
        "Shaping the organization: team structure and boundaries, staffing, managing managers, succession.",
        _w("organization:0.6 organizational:0.8 organisation:0.6 structure:0.8 reorg:1 restructuring:1 "
           "resourcing:1 resources:0.6 staffing:1 headcount:0.8 allocation:0.6 capacity:0.6 span:0.6 "
           "scale:0.4 scaling:0.5 succession:0.9 directors:0.8 managers:0.7 division:0.6 topology:0.8 "
           "ownership:0.4 org:0.6"),
        _w("organizational_design org_design team_structure managing_managers managers_of manager_of "
           "multiple_teams:0.8 several_teams:0.8 spin_up team_boundaries organizational_structure "
           "engineering_organization:0.6 org_chart")),
    Competency(
        "budget_business", "Budget & business",
        "Owning budgets and costs, vendors and contracts, compensation planning, and the business outcomes of engineering.",
        _w("budget:1 budgets:1 cost:0.9 costs:0.9 spend:0.8 finance:0.9 financial:0.9 p&l:1 revenue:0.9 "
           "vendor:0.9 vendors:0.9 contracts:0.7 compensation:0.7 roi:1 investment:0.7 investments:0.7 "
           "profitability:1 margin:0.8 pricing:0.6 commercial:0.6 procurement:0.9 licensing:0.5 "
           "fundraising:1 acquisitions:0.6 business:0.4 monetization:0.8 forecast:0.7"),
        _w("own_budget engineering_budget business_outcomes business_case cost_control business_value "
           "compensation_planning due_diligence")),
    Competency(
        "external", "External representation",
        "Representing engineering and the company outside: talks, blog posts, open source, customers, investors, press.",
        _w("conference:1 conferences:1 blog:0.9 meetup:1 meetups:1 talks:0.6 speak:0.8 speaking:0.8 press:0.9 "
           "media:0.5 investors:0.9 community:0.6 open-source:0.7 evangelize:0.8 brand:0.7 branding:0.8 "
           "public:0.5 external:0.7 externally:0.8 represent:0.7 ambassador:0.9 events:0.5 industry:0.4 "
           "customers:0.4 clients:0.4"),
        _w("open_source employer_brand thought_leadership engineering_brand tech_events external_stakeholders "
           "industry_events key_customers")),
)

#: competency id -> Competency
BY_ID: dict[str, Competency] = {c.id: c for c in COMPETENCIES}
#: competency ids in taxonomy order
IDS: tuple[str, ...] = tuple(c.id for c in COMPETENCIES)
