# The site's pages as a reader reaches them (sourced after lib.sh, not run).
# site_paths BASE: prints, once each, the paths of the editions' homes, newsfeeds, feeds and sitemaps, every section
# linked from a home, every article in the sitemaps, and the tag and author pages linked from the homes.
site_paths() {
    local base=$1
    {
        echo /en/; echo /ru/; echo /en/newsfeed; echo /ru/newsfeed; echo /en/newsfeed/items; echo /ru/newsfeed/items
        echo /en/rss.xml; echo /ru/atom.xml; echo /sitemap.xml; echo /sitemaps/news.xml; echo /robots.txt
        for e in en ru; do
            curl -s "$base/$e/" | grep -o "href=\"/$e/[a-z0-9-]*/\"" | sed 's/^href="//; s/"$//' | sort -u || true
        done
        curl -s "$base/sitemap.xml" | grep -o '/sitemaps/articles-[0-9]*\.xml' | while read -r s; do
            echo "$s"
            curl -s "$base$s" | grep -o '<loc>[^<]*</loc>' | sed 's#<loc>https\?://[^/]*##; s#</loc>##' || true
        done
        for e in en ru; do
            curl -s "$base/$e/" | grep -o "href=\"/$e/\(tag\|author\)/[^\"]*\"" | sed 's/^href="//; s/"$//' | sort -u || true
        done
    } | awk 'NF && !seen[$0]++'
}
