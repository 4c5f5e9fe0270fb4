package dev.pinscope.debug.internal.ui;

import java.util.List;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.NumberRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;

/** C-like colouring: keywords, types, comments, numbers, and kernel constants (-EAGAIN, VM_PFNMAP). */
public class ListingViewerConfiguration extends TextSourceViewerConfiguration {

    static final List<String> KEYWORDS = List.of("if", "else", "while", "for", "do", "return", "goto", "break",
            "continue", "static", "struct", "switch", "case", "default", "sizeof", "true", "false", "NULL");
    static final List<String> TYPES = List.of("int", "long", "unsigned", "bool", "void", "size_t", "char", "pud_t",
            "pmd_t", "pte_t", "spinlock_t", "vm_fault_t");

    @Override
    public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
        PresentationReconciler r = new PresentationReconciler();
        DefaultDamagerRepairer dr = new DefaultDamagerRepairer(new ListingScanner());
        r.setDamager(dr, org.eclipse.jface.text.IDocument.DEFAULT_CONTENT_TYPE);
        r.setRepairer(dr, org.eclipse.jface.text.IDocument.DEFAULT_CONTENT_TYPE);
        return r;
    }

    static final class ListingScanner extends RuleBasedScanner {
        ListingScanner() {
            IToken comment = new Token(new TextAttribute(new Color(63, 127, 95)));
            IToken keyword = new Token(new TextAttribute(new Color(127, 0, 85), null, SWT.BOLD));
            IToken type = new Token(new TextAttribute(new Color(0, 80, 160), null, SWT.BOLD));
            IToken constant = new Token(new TextAttribute(new Color(160, 60, 0)));
            IToken number = new Token(new TextAttribute(new Color(40, 0, 200)));
            IToken label = new Token(new TextAttribute(new Color(110, 110, 110), null, SWT.ITALIC));
            IToken other = new Token(null); // plain identifiers: default colour, and digits inside them stay plain

            WordRule words = new WordRule(new IWordDetector() {
                @Override
                public boolean isWordStart(char c) {
                    return Character.isLetter(c) || c == '_';
                }

                @Override
                public boolean isWordPart(char c) {
                    return Character.isLetterOrDigit(c) || c == '_';
                }
            }, other);
            KEYWORDS.forEach(k -> words.addWord(k, keyword));
            TYPES.forEach(t -> words.addWord(t, type));

            setRules(new IRule[] {
                    new MultiLineRule("/*", "*/", comment),
                    new EndOfLineRule("//", comment),
                    new LabelRule(label),
                    new ConstantRule(constant),
                    words,
                    new NumberRule(number) });
        }
    }

    /** A goto label at the start of a line, e.g. {@code retry:}. */
    static final class LabelRule implements IRule {
        private final IToken token;

        LabelRule(IToken token) {
            this.token = token;
        }

        @Override
        public IToken evaluate(ICharacterScanner scanner) {
            if (scanner.getColumn() != 0) {
                return Token.UNDEFINED;
            }
            int n = 0;
            int c = scanner.read();
            n++;
            while (Character.isLetterOrDigit(c) || c == '_') {
                c = scanner.read();
                n++;
            }
            if (c == ':' && n > 1) {
                return token;
            }
            for (int i = 0; i < n; i++) {
                scanner.unread();
            }
            return Token.UNDEFINED;
        }
    }

    /** UPPER_CASE identifiers, optionally negated: -EAGAIN, VM_PFNMAP, PUD_MASK. */
    static final class ConstantRule implements IRule {
        private final IToken token;

        ConstantRule(IToken token) {
            this.token = token;
        }

        @Override
        public IToken evaluate(ICharacterScanner scanner) {
            int n = 0;
            int c = scanner.read();
            n++;
            if (c == '-') {
                c = scanner.read();
                n++;
            }
            if (!(c >= 'A' && c <= 'Z')) {
                for (int i = 0; i < n; i++) {
                    scanner.unread();
                }
                return Token.UNDEFINED;
            }
            int letters = 1;
            boolean lower = false;
            while (true) {
                c = scanner.read();
                n++;
                if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
                    letters++;
                } else if (c >= 'a' && c <= 'z') {
                    lower = true;
                    letters++;
                } else {
                    break;
                }
            }
            scanner.unread();
            n--;
            if (lower || letters < 2) {
                for (int i = 0; i < n; i++) {
                    scanner.unread();
                }
                return Token.UNDEFINED;
            }
            return token;
        }
    }
}
