// The scoring model (explained for trainers in docs/scoring.md).
//
// Per component:
//   base    = curve(achieved / achievable base points) × 20      positive points of base questions
//   penalty = |negative points| / achievable base points × 20    linear, after the curve
//   sn      = Sales Navigator points / achievable SN points × 5  only for Sales Navigator users
//   score   = clamp(base + sn − penalty, 0, 25)
// Everything is integer arithmetic in hundredths of a point, rounded half up at each of the
// three terms, so the result is the same on every platform and compiler.
#include <algorithm>
#include <cstdint>

#include "core/ssi.h"

namespace ssi {
namespace {

constexpr int kCenti = 100;

// Non-negative a / b rounded half up (b > 0).
std::int64_t div_round(std::int64_t a, std::int64_t b) { return (2 * a + b) / (2 * b); }

// The questionnaire reduced to what scoring needs, with conditions resolved to indices.
// Tolerates hand-built questionnaires the loader would reject (forward conditions never hold,
// an invalid curve becomes a straight line) so score() is total.
struct Model {
    struct Q {
        Component component = Component::Brand;
        Tier tier = Tier::Base;
        std::vector<int> points;
        int condition = -1;       // index of the earlier question it depends on; -1 none; -2 never
        std::uint64_t any_of = 0;  // bit per option index
    };
    std::vector<Q> questions;
    int gate = -1;  // -1: nobody is a Sales Navigator user
    std::uint64_t gate_any_of = 0;
    std::vector<CurvePoint> curve;
    int margin = 0;
    std::array<std::int64_t, kComponentCount> base_max{};
    std::array<std::int64_t, kComponentCount> sn_max{};

    static std::uint64_t mask(const std::vector<int>& options) {
        std::uint64_t m = 0;
        for (int o : options)
            if (o >= 0 && o < 64) m |= std::uint64_t{1} << o;
        return m;
    }

    explicit Model(const Questionnaire& q) {
        questions.reserve(q.questions.size());
        for (std::size_t i = 0; i < q.questions.size(); ++i) {
            const Question& src = q.questions[i];
            Q m;
            m.component = static_cast<std::size_t>(src.component) < kComponentCount ? src.component : Component::Brand;
            m.tier = src.tier;
            for (const Option& o : src.options) m.points.push_back(std::clamp(o.points, -kMaxPoints, kMaxPoints));
            if (src.show_if) {
                int target = q.index_of(src.show_if->question);
                m.condition = (target >= 0 && target < static_cast<int>(i)) ? target : -2;
                m.any_of = mask(src.show_if->any_of);
            }
            int best = 0;
            for (int p : m.points) best = std::max(best, p);
            auto c = static_cast<std::size_t>(m.component);
            (m.tier == Tier::SalesNavigator ? sn_max : base_max)[c] += best;
            questions.push_back(std::move(m));
        }
        if (q.scoring.sales_navigator) {
            gate = q.index_of(q.scoring.sales_navigator->question);
            gate_any_of = mask(q.scoring.sales_navigator->any_of);
        }
        curve = q.scoring.curve;
        bool valid = curve.size() >= 2 && curve.front().x == 0 && curve.front().y == 0 && curve.back().x == 100 &&
                     curve.back().y == 100;
        for (std::size_t k = 1; valid && k < curve.size(); ++k)
            valid = curve[k].x > curve[k - 1].x && curve[k].y >= curve[k - 1].y;
        if (!valid) curve = {{0, 0}, {100, 100}};
        margin = std::clamp(q.scoring.range_margin, 0, 20);
    }

    int size() const { return static_cast<int>(questions.size()); }
    bool valid_answer(int i, int a) const {
        return a >= 0 && a < static_cast<int>(questions[static_cast<std::size_t>(i)].points.size());
    }

    // Whether question i is shown, given the visibility of the earlier questions (conditions only look back).
    char visible_at(std::size_t i, const std::vector<int>& answers, const std::vector<char>& visible) const {
        const Q& q = questions[i];
        if (q.condition == -1) return 1;
        if (q.condition < 0) return 0;
        const int a = answers[static_cast<std::size_t>(q.condition)];
        return visible[static_cast<std::size_t>(q.condition)] && valid_answer(q.condition, a) && a < 64 &&
               ((q.any_of >> a) & 1u);
    }

    // Visibility of every question, in order.
    std::vector<char> visibility(const std::vector<int>& answers) const {
        std::vector<char> visible(questions.size(), 0);
        for (std::size_t i = 0; i < questions.size(); ++i) visible[i] = visible_at(i, answers, visible);
        return visible;
    }

    bool gate_open(const std::vector<int>& answers, const std::vector<char>& visible) const {
        if (gate < 0 || gate >= size()) return false;
        int a = answers[static_cast<std::size_t>(gate)];
        return visible[static_cast<std::size_t>(gate)] && valid_answer(gate, a) && a < 64 && ((gate_any_of >> a) & 1u);
    }

    // curve(achieved / achievable) × 20 points, in centi.
    std::int64_t base_centi(std::int64_t achieved, std::int64_t achievable) const {
        if (achievable <= 0) return 0;
        achieved = std::clamp<std::int64_t>(achieved, 0, achievable);
        const std::int64_t x100 = 100 * achieved;  // percent × achievable
        for (std::size_t k = 1; k < curve.size(); ++k) {
            const std::int64_t x0 = curve[k - 1].x, x1 = curve[k].x, y0 = curve[k - 1].y, y1 = curve[k].y;
            if (x100 > x1 * achievable) continue;
            // y% = y0 + (y1 − y0) × (x − x0) / (x1 − x0); centi = y% × 20 (= y% / 100 × 20 × 100)
            const std::int64_t den = (x1 - x0) * achievable;
            const std::int64_t num = y0 * den + (y1 - y0) * (x100 - x0 * achievable);
            return div_round(kBaseMax * num, den);
        }
        return std::int64_t{kBaseMax} * kCenti;
    }

    struct Eval {
        std::array<int, kComponentCount> centi{};
        std::array<ComponentDetail, kComponentCount> detail{};
        int total_centi = 0;
        bool sales_navigator = false;
        int answered = 0, visible = 0;
    };

    Eval evaluate(const std::vector<int>& answers) const {
        Eval e;
        std::vector<char> visible = visibility(answers);
        e.sales_navigator = gate_open(answers, visible);
        std::array<std::int64_t, kComponentCount> positive{}, negative{}, sn{};
        for (std::size_t i = 0; i < questions.size(); ++i) {
            if (!visible[i]) continue;
            ++e.visible;
            const int a = answers[i];
            if (!valid_answer(static_cast<int>(i), a)) continue;
            ++e.answered;
            const Q& q = questions[i];
            const int p = q.points[static_cast<std::size_t>(a)];
            const auto c = static_cast<std::size_t>(q.component);
            if (q.tier == Tier::SalesNavigator) {
                if (e.sales_navigator) sn[c] += p;
            } else if (p > 0) {
                positive[c] += p;
            } else {
                negative[c] -= p;
            }
        }
        for (std::size_t c = 0; c < kComponentCount; ++c) {
            ComponentDetail& d = e.detail[c];
            d.base = static_cast<int>(base_centi(positive[c], base_max[c]));
            d.penalty = base_max[c] > 0 ? static_cast<int>(std::min<std::int64_t>(
                                              div_round(negative[c] * kBaseMax * kCenti, base_max[c]), 100000))
                                        : 0;
            d.sales_navigator =
                sn_max[c] > 0
                    ? static_cast<int>(div_round(std::clamp<std::int64_t>(sn[c], 0, sn_max[c]) * kSalesNavigatorMax * kCenti,
                                                 sn_max[c]))
                    : 0;
            e.centi[c] = std::clamp(d.base + d.sales_navigator - d.penalty, 0, kComponentMax * kCenti);
            e.total_centi += e.centi[c];
        }
        return e;
    }

    std::vector<int> answer_vector(const Questionnaire& q, const Answers& answers) const {
        std::vector<int> out(questions.size(), -1);
        for (std::size_t i = 0; i < q.questions.size() && i < out.size(); ++i) {
            auto it = answers.find(q.questions[i].id);
            if (it != answers.end() && valid_answer(static_cast<int>(i), it->second)) out[i] = it->second;
        }
        return out;
    }

    // Fills unanswered visible questions with their lowest (or highest) option, in order,
    // so answers that reveal further questions are followed through.
    std::vector<int> fill(std::vector<int> answers, bool highest) const {
        std::vector<char> visible(questions.size(), 0);
        for (std::size_t i = 0; i < questions.size(); ++i) {
            const Q& q = questions[i];
            visible[i] = visible_at(i, answers, visible);
            if (!visible[i] || answers[i] >= 0 || q.points.empty()) continue;
            int best = 0;
            for (std::size_t o = 1; o < q.points.size(); ++o)
                if (highest ? q.points[o] > q.points[static_cast<std::size_t>(best)]
                            : q.points[o] < q.points[static_cast<std::size_t>(best)])
                    best = static_cast<int>(o);
            answers[i] = best;
        }
        return answers;
    }
};

Advice make_advice(const Questionnaire& q, int i, int from, int option, int gain) {
    const Question& question = q.questions[static_cast<std::size_t>(i)];
    Advice a;
    a.question = question.id;
    a.question_index = i;
    a.from = from;
    a.option = option;
    a.component = question.component;
    a.gain_centi = gain;
    a.gain = gain / 100.0;
    a.tip = question.tip;
    return a;
}

}  // namespace

int round_total(int total_centi) { return (total_centi + kCenti / 2) / kCenti; }

bool is_visible(const Questionnaire& questionnaire, const Answers& answers, const Question& question) {
    const Model model(questionnaire);
    const std::vector<char> visible = model.visibility(model.answer_vector(questionnaire, answers));
    for (std::size_t i = 0; i < questionnaire.questions.size(); ++i)
        if (&questionnaire.questions[i] == &question) return visible[i] != 0;
    int i = questionnaire.index_of(question.id);
    return i >= 0 && visible[static_cast<std::size_t>(i)] != 0;
}

bool uses_sales_navigator(const Questionnaire& questionnaire, const Answers& answers) {
    const Model model(questionnaire);
    const std::vector<int> a = model.answer_vector(questionnaire, answers);
    return model.gate_open(a, model.visibility(a));
}

Result score(const Questionnaire& questionnaire, const Answers& answers, ScoreOptions options) {
    const Model model(questionnaire);
    const std::vector<int> current = model.answer_vector(questionnaire, answers);
    const Model::Eval now = model.evaluate(current);

    Result r;
    for (std::size_t c = 0; c < kComponentCount; ++c) {
        r.component_centi[c] = now.centi[c];
        r.components[c] = now.centi[c] / 100.0;
        r.detail[c] = now.detail[c];
    }
    r.total_centi = now.total_centi;
    r.exact_total = now.total_centi / 100.0;
    r.total = round_total(now.total_centi);
    r.corridor = corridor_for(r.total);
    r.reach = r.total >= kReachThreshold;
    r.sales_navigator = now.sales_navigator;
    r.answered = now.answered;
    r.visible = now.visible;

    // Range: every unanswered question could go either way, plus the model's own margin.
    const Model::Eval low = model.evaluate(model.fill(current, false));
    const Model::Eval high = model.evaluate(model.fill(current, true));
    const int cap = high.sales_navigator ? kComponentCount * kComponentMax : kComponentCount * kBaseMax;
    r.range.low = std::max(0, round_total(std::min(low.total_centi, now.total_centi)) - model.margin);
    r.range.high = std::min(cap, round_total(std::max(high.total_centi, now.total_centi)) + model.margin);
    r.range.high = std::max(r.range.high, r.total);

    int weakest = now.centi[0];
    for (int v : now.centi) weakest = std::min(weakest, v);
    for (Component c : kComponents)
        if (now.centi[static_cast<std::size_t>(c)] == weakest) r.weakest.push_back(c);

    if (!options.advice) return r;

    // Advice: for each answered, visible question the answer that raises the total most.
    // Plan candidates: the next step up on the same question (a realistic 30-day move).
    const std::vector<char> visible = model.visibility(current);
    std::array<std::vector<Advice>, kComponentCount> steps;
    for (int i = 0; i < model.size(); ++i) {
        const int from = current[static_cast<std::size_t>(i)];
        if (!visible[static_cast<std::size_t>(i)] || from < 0) continue;
        const auto& points = model.questions[static_cast<std::size_t>(i)].points;
        const int from_points = points[static_cast<std::size_t>(from)];
        int best = -1, best_gain = 0;
        int step = -1;
        std::vector<int> what_if = current;
        for (int o = 0; o < static_cast<int>(points.size()); ++o) {
            if (o == from) continue;
            what_if[static_cast<std::size_t>(i)] = o;
            const Model::Eval e = model.evaluate(what_if);
            const int gain = e.total_centi - now.total_centi;
            if (gain > best_gain) {
                best = o;
                best_gain = gain;
            }
            // Next step: fewest points above the current answer; a harmful habit (negative points)
            // is best dropped altogether, so there the step is the best option.
            const int p = points[static_cast<std::size_t>(o)];
            if (gain > 0 && p > from_points && !(e.sales_navigator && !now.sales_navigator)) {
                if (from_points < 0) {
                    if (step < 0 || p > points[static_cast<std::size_t>(step)]) step = o;
                } else if (step < 0 || p < points[static_cast<std::size_t>(step)]) {
                    step = o;
                }
            }
        }
        if (best >= 0) r.advice.push_back(make_advice(questionnaire, i, from, best, best_gain));
        if (step >= 0) {
            what_if[static_cast<std::size_t>(i)] = step;
            const int gain = model.evaluate(what_if).total_centi - now.total_centi;
            Advice a = make_advice(questionnaire, i, from, step, gain);
            steps[static_cast<std::size_t>(a.component)].push_back(std::move(a));
        }
    }
    auto stronger = [](const Advice& a, const Advice& b) {
        return a.gain_centi != b.gain_centi ? a.gain_centi > b.gain_centi : a.question_index < b.question_index;
    };
    std::stable_sort(r.advice.begin(), r.advice.end(), stronger);

    // Plan: components from weakest to strongest (ties in LinkedIn's order); two steps from the
    // weakest, then one from each of the others, then round-robin until five.
    std::array<Component, kComponentCount> order = kComponents;
    std::stable_sort(order.begin(), order.end(), [&](Component a, Component b) {
        return now.centi[static_cast<std::size_t>(a)] < now.centi[static_cast<std::size_t>(b)];
    });
    for (auto& list : steps) std::stable_sort(list.begin(), list.end(), stronger);
    std::array<std::size_t, kComponentCount> taken{};
    constexpr std::size_t kPlanMax = 5;
    auto take = [&](Component c) {
        auto k = static_cast<std::size_t>(c);
        if (r.plan.size() >= kPlanMax || taken[k] >= steps[k].size()) return false;
        r.plan.push_back(steps[k][taken[k]++]);
        return true;
    };
    take(order[0]);
    take(order[0]);
    for (std::size_t k = 1; k < order.size(); ++k) take(order[k]);
    for (bool more = true; more && r.plan.size() < kPlanMax;) {
        more = false;
        for (Component c : order) more = take(c) || more;
    }
    // Present the plan grouped by component, weakest first.
    std::stable_sort(r.plan.begin(), r.plan.end(), [&](const Advice& a, const Advice& b) {
        auto rank = [&](Component c) { return std::find(order.begin(), order.end(), c) - order.begin(); };
        return rank(a.component) < rank(b.component);
    });
    return r;
}

}  // namespace ssi
