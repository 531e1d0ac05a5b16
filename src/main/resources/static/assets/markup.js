// HTML from the clipboard (a web page, a word processor) to body markup: headings, quotes, lists, links (http,
// https, mailto), bold and italic are kept; styles, classes, scripts, images, tracking attributes and every other
// element are dropped, their text kept. The HTML is parsed inert (DOMParser runs no script, loads no image).
(function () {
  'use strict';

  var SKIP = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|IFRAME|OBJECT|EMBED|IMG|PICTURE|VIDEO|AUDIO|SOURCE|SVG|MATH|HEAD|TITLE|META|LINK|BUTTON|INPUT|SELECT|TEXTAREA|FORM|CANVAS|FIGURE)$/;
  var CONTAINS_BLOCKS = 'p,div,h1,h2,h3,h4,h5,h6,ul,ol,li,blockquote,table,section,article';
  var BLOCK = /^(P|DIV|SECTION|ARTICLE|HEADER|FOOTER|MAIN|ASIDE|NAV|ADDRESS|PRE|TABLE|THEAD|TBODY|TFOOT|TR|CAPTION|DL|DT|DD|HR|CENTER|BODY|HTML|FIGCAPTION)$/;

  // Text that must show as written: the characters markup would read escaped, whitespace collapsed.
  function escapeText(text) {
    return text.replace(/[\s\u00a0]+/g, ' ').replace(/([\\`*_[\]<])/g, '\\$1');
  }

  // A block's first characters that would make it a heading, quote or list when it is none.
  function escapeStart(line) {
    return line.replace(/^(#{1,6}(?=\s|$)|>|[-+](?=\s|$))/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  }

  function safeHref(href) {
    href = (href || '').trim();
    return /^(https?:\/\/|mailto:)/i.test(href) ? href.replace(/\)/g, '%29').replace(/\s/g, '%20') : null;
  }

  // True or false when the element's style attribute sets the property, null when it does not. Read from the
  // attribute's text: the page's Content-Security-Policy keeps inline styles from being applied, even when parsed.
  function styled(element, property, values) {
    var match = new RegExp('(?:^|;)\\s*' + property + '\\s*:\\s*([^;!]+)', 'i')
      .exec(element.getAttribute('style') || '');
    return match ? values.test(match[1].trim()) : null;
  }

  // Moves the spaces around a marked run outside the marks: "** bold **" would not be bold.
  function mark(marker, inner) {
    var match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner);
    return match[2] ? match[1] + marker + match[2] + marker + match[3] : inner;
  }

  function inline(node) {
    if (node.nodeType === 3) {
      return escapeText(node.nodeValue);
    }
    if (node.nodeType !== 1 || SKIP.test(node.nodeName)) {
      return '';
    }
    var name = node.nodeName;
    if (name === 'BR') {
      return '\n';
    }
    var inner = '';
    for (var child = node.firstChild; child; child = child.nextSibling) {
      inner += inline(child);
    }
    var bold = styled(node, 'font-weight', /^(bold|bolder|[6-9]00)$/i);
    var italic = styled(node, 'font-style', /^(italic|oblique)/i);
    if (name === 'A') {
      var href = safeHref(node.getAttribute('href'));
      return href && inner.trim() ? '[' + inner.trim() + '](' + href + ')' : inner;
    }
    if ((name === 'B' || name === 'STRONG') && bold !== false || bold === true) {
      inner = mark('**', inner);
    }
    if ((name === 'I' || name === 'EM') && italic !== false || italic === true) {
      inner = mark('*', inner);
    }
    return inner;
  }

  function Collector() {
    this.blocks = [];
    this.text = '';
  }

  Collector.prototype.flush = function () {
    var text = this.text.split('\n').map(function (line) { return escapeStart(line.trim()); })
      .filter(function (line) { return line; }).join('\n');
    if (text) {
      this.blocks.push(text);
    }
    this.text = '';
  };

  Collector.prototype.add = function (block) {
    this.flush();
    if (block) {
      this.blocks.push(block);
    }
  };

  function blocksOf(parent) {
    var out = new Collector();
    for (var child = parent.firstChild; child; child = child.nextSibling) {
      walk(child, out);
    }
    out.flush();
    return out.blocks;
  }

  function listOf(list) {
    var ordered = list.nodeName === 'OL';
    var number = ordered && list.getAttribute('start') && /^\d{1,9}$/.test(list.getAttribute('start'))
      ? parseInt(list.getAttribute('start'), 10) : 1;
    var items = [];
    for (var item = list.firstChild; item; item = item.nextSibling) {
      if (item.nodeType !== 1 || item.nodeName !== 'LI') {
        continue;
      }
      var marker = ordered ? (number++) + '. ' : '- ';
      var indent = new Array(marker.length + 1).join(' ');
      var lines = blocksOf(item).join('\n').split('\n');
      items.push(marker + lines[0] + lines.slice(1).map(function (line) {
        return '\n' + indent + line;
      }).join(''));
    }
    return items.join('\n');
  }

  function walk(node, out) {
    if (node.nodeType === 3) {
      out.text += escapeText(node.nodeValue);
      return;
    }
    if (node.nodeType !== 1 || SKIP.test(node.nodeName)) {
      return;
    }
    var name = node.nodeName;
    if (/^H[1-6]$/.test(name)) {
      var heading = inline(node).replace(/\s+/g, ' ').trim();
      out.add(heading ? (name === 'H1' || name === 'H2' ? '## ' : '### ') + heading : '');
    } else if (name === 'BLOCKQUOTE') {
      out.add(blocksOf(node).join('\n\n').split('\n').map(function (line) {
        return line ? '> ' + line : '>';
      }).join('\n'));
    } else if (name === 'UL' || name === 'OL') {
      out.add(listOf(node));
    } else if (name === 'LI') {
      out.add('- ' + blocksOf(node).join(' '));
    } else if (name === 'BR') {
      out.text += '\n';
    } else if (BLOCK.test(name) || node.querySelector(CONTAINS_BLOCKS)) {
      // An inline element around blocks (a word processor's <b> around the whole document) is a container.
      out.flush();
      for (var inner = node.firstChild; inner; inner = inner.nextSibling) {
        walk(inner, out);
      }
      out.flush();
    } else if (name === 'TD' || name === 'TH') {
      out.text += ' ' + inline(node) + ' ';
    } else {
      out.text += inline(node);
    }
  }

  function fromHtml(html) {
    var doc = new DOMParser().parseFromString(html || '', 'text/html');
    return blocksOf(doc.body).join('\n\n');
  }

  window.DatelineMarkup = {fromHtml: fromHtml};
})();
