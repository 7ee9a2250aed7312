/** What the desk list shows of one story, computed from the whole article (pure). */
import type { Article, ArticleSummary } from '../../../shared/model/article';
import { conflictCount, type StoredArticle } from '../../../shared/model/syncFields';
import { countBody } from '../../../shared/rules/charCount';
import { creditCheck } from '../../../shared/rules/creditCheck';
import { acceptedDocument } from '../../../shared/rules/suggestions/acceptedText';
import { articleSuggestionIds, openComments } from '../../../shared/rules/suggestions/changeTable';

export function summarize(a: Article | StoredArticle): ArticleSummary {
  return {
    id: a.id,
    kind: a.kind,
    kicker: a.kicker,
    headline: a.headline,
    status: a.status,
    revision: a.revision,
    bylineNames: a.bylines.map((b) => b.name),
    correspondentNames: a.correspondents.map((c) => c.name),
    source: a.source,
    bodyChars: countBody(a.body),
    // The credit check reads the copy as it would print: with every suggestion accepted.
    creditProblems: [...new Set(creditCheck({ ...a, body: acceptedDocument(a.body) }).map((p) => p.code))],
    pendingSuggestions: articleSuggestionIds(a).size,
    openComments: openComments(a).length,
    placement: a.placement,
    updatedAt: a.updatedAt,
    updatedBy: a.updatedBy,
    conflicts: conflictCount(a),
  };
}
