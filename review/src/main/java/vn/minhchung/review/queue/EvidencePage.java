package vn.minhchung.review.queue;

import java.util.List;
import java.util.Map;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;

/** One page of the queue, newest first, with each item's links and the cursor of the next page (null at the end). */
public record EvidencePage(List<Evidence> items, Map<Long, List<EvidenceLink>> links, Long nextBeforeId) {}
