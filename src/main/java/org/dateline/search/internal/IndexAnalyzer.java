package org.dateline.search.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/** Analyses each text field by the language its name ends with: the stemmed analysis, or words as written. */
final class IndexAnalyzer extends DelegatingAnalyzerWrapper {

    static final IndexAnalyzer INSTANCE = new IndexAnalyzer();

    private IndexAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        Language language = Fields.languageOf(fieldName);
        return Fields.isWords(fieldName) ? language.words() : language.stemmed();
    }
}
