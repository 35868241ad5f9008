package org.peersupport.portal.course.control;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

/** Reads and checks the manifest's {@code resources} section: useful resources, each with a url or a description. */
final class ResourceRules {

    private final ManifestProblems problems;

    ResourceRules(ManifestProblems problems) {
        this.problems = problems;
    }

    /** The useful resources without problems; the others are reported. */
    List<UsefulResource> read(ManifestFields top) {
        List<UsefulResource> resources = new ArrayList<>();
        List<Node> items = top.list("resources", false);
        for (int i = 0; i < items.size(); i++) {
            ManifestFields resource = top.item(items.get(i), "Useful resource " + (i + 1));
            if (resource == null) {
                continue;
            }
            int before = problems.count();
            resource.allowOnly("title", "url", "description");
            String title = resource.shortText("title", true);
            String url = resource.webAddress("url");
            String description = resource.text("description", false);
            if (!resource.has("url") && !resource.has("description")) {
                problems.add(resource.line(), resource.context() + ": give a url, a description or both.");
            }
            if (problems.count() == before) {
                resources.add(new UsefulResource(title, url, description));
            }
        }
        return resources;
    }
}
