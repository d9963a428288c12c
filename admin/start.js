// The form editors use at /admin/: Sveltia CMS from npm (pinned in package-lock.json), bundled
// by `make cms` into build/admin/ and copied into the site by the build. It reads config.yml
// beside the page, which the build writes from the schemas and data/vocabulaire.yml.
import CMS from "@sveltia/cms";

CMS.init();
