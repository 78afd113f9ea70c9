"""Decodes the spec's own 200 examples through the generated python-pydantic-v1 client (Debian's pydantic 1.10).

Run by spec-tools/check.sh with /usr/bin/python3, HTAPSYNC_SPEC naming the spec YAML and the generated client on
PYTHONPATH; and again in a fresh venv with the client's wheel installed (HTAPSYNC_CLIENT_INSTALLED_IN names the venv).
"""
import json
import os
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import yaml

import htapsync_client
from htapsync_client.api.star_rocks_replication_api import StarRocksReplicationApi
from htapsync_client.exceptions import ApiException
from htapsync_client.models import ApiError, ErrorResponse, ListStarRocksDataReplicationsResponse

OPERATION_PATH = "/v3/{project_id}/instances/{instance_id}/starrocks/databases/replication"
PROJECT_ID = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
INSTANCE_ID = "0123456789abcdef0123456789abcdefin07"


def spec_example(name):
    spec_path = os.environ.get("HTAPSYNC_SPEC")
    if not spec_path:
        raise RuntimeError("HTAPSYNC_SPEC is not set: it must name the spec YAML file (spec-tools/check.sh sets it)")
    with open(spec_path, encoding="utf-8") as spec_file:
        spec = yaml.safe_load(spec_file)
    examples = spec["paths"][OPERATION_PATH]["get"]["responses"]["200"]["content"]["application/json"]["examples"]
    if name not in examples:
        raise KeyError(f"the spec has no 200 example named '{name}'")
    return examples[name]["value"]


class DecodeExamplesTest(unittest.TestCase):

    def test_reference_page_example_with_numeric_counters(self):
        page = ListStarRocksDataReplicationsResponse.from_dict(spec_example("reference-page"))

        self.assertEqual(page.total_count.actual_instance, 1)
        self.assertIsInstance(page.total_count.actual_instance, int)
        self.assertIsNone(page.ext_text)
        task = page.replications[0]
        self.assertEqual(task.stage, "Incremental")
        self.assertEqual(task.percentage.actual_instance, 100)
        self.assertIsNone(task.catchup_stage)
        self.assertEqual(task.catchup_percentage.actual_instance, 0)
        # Each counter keeps the JSON form it arrived in when written back.
        written = page.to_dict()
        self.assertEqual(written["total_count"], 1)
        self.assertEqual(written["replications"][0]["percentage"], 100)

    def test_documented_form_with_string_counters_and_extra_fields(self):
        page = ListStarRocksDataReplicationsResponse.from_dict(spec_example("counters-as-strings"))

        self.assertEqual(page.total_count.actual_instance, "2")
        sales, crm = page.replications
        self.assertEqual(sales.percentage.actual_instance, "100")
        self.assertEqual(sales.catchup_percentage.actual_instance, "99.5")
        self.assertEqual(sales.is_need_repair, "false")
        self.assertEqual(sales.is_main_task, "true")
        self.assertEqual(crm.stage, "full")
        self.assertEqual(crm.percentage.actual_instance, "42.7")
        self.assertIsNone(crm.catchup_stage)
        self.assertIsNone(crm.catchup_percentage)
        self.assertEqual(page.to_dict()["total_count"], "2")

    def test_unlisted_fields_and_undocumented_stage_values_are_tolerated(self):
        page = ListStarRocksDataReplicationsResponse.from_dict({
            "total_count": "1",
            "replications": [{"task_name": "t1", "stage": "Wait", "percentage": "0", "some_new_field": 42}],
            "another_new_field": "x",
        })
        self.assertEqual(page.replications[0].stage, "Wait")
        self.assertEqual(page.replications[0].percentage.actual_instance, "0")

    def test_a_counter_that_is_neither_string_nor_number_is_rejected_by_name(self):
        with self.assertRaises(ValueError) as raised:
            ListStarRocksDataReplicationsResponse.from_dict({"total_count": True})
        self.assertIn("Count", str(raised.exception))


class SpecFormsTest(unittest.TestCase):

    def test_api_error_decodes_both_error_forms(self):
        documented = ApiError.from_json('{"error_code": "DBS.200022", "error_msg": "Instance not found."}')
        self.assertEqual(documented.actual_instance.error_code, "DBS.200022")
        other = ApiError.from_json('{"code": "IAM.0003", "message": "Forbidden"}')
        self.assertEqual(other.actual_instance.code, "IAM.0003")
        self.assertEqual(other.actual_instance.message, "Forbidden")

    def test_counts_percentages_and_flags_outside_the_spec_are_rejected(self):
        # Bounds of the number branches, the flag pattern and non-null counts are checked; the generated oneOf
        # classes do not check the patterns of string branches (spec-tools/README.md).
        for bad in ({"total_count": -1}, {"total_count": 1.5}, {"total_count": None},
                    {"total_count": 1, "replications": [{"percentage": 101}]},
                    {"total_count": 1, "replications": [{"is_need_repair": "TRUE"}]}):
            with self.assertRaises(ValueError, msg=str(bad)):
                ListStarRocksDataReplicationsResponse.from_dict(bad)


@unittest.skipUnless(os.environ.get("HTAPSYNC_CLIENT_INSTALLED_IN"), "runs only against an installed package")
class InstalledPackageTest(unittest.TestCase):
    """check.sh's python-package step: the suite must exercise the installed wheel, not the generated sources."""

    def test_the_client_comes_from_the_installed_wheel(self):
        environment = os.path.realpath(os.environ["HTAPSYNC_CLIENT_INSTALLED_IN"])
        module = os.path.realpath(htapsync_client.__file__)
        self.assertTrue(module.startswith(environment + os.sep), f"{module} is not installed in {environment}")
        self.assertIn(f"{os.sep}site-packages{os.sep}", module)


class ServerChoiceTest(unittest.TestCase):

    def test_region_variable_picks_the_regional_host_and_rejects_unknown_regions(self):
        configuration = htapsync_client.Configuration(server_index=1, server_variables={"region": "ap-southeast-1"})
        self.assertEqual(configuration.host, "https://gaussdbformysql.ap-southeast-1.myhuaweicloud.com")
        with self.assertRaises(ValueError) as raised:
            _ = htapsync_client.Configuration(server_index=0, server_variables={"region": "ap-southeast-1"}).host
        self.assertIn("region", str(raised.exception))


class GeneratedApiTest(unittest.TestCase):
    """The generated API and its urllib3 transport against a canned server on the loopback interface."""

    def setUp(self):
        self.requests = []
        answers = [
            (200, spec_example("counters-as-strings")),
            (400, {"error_code": "DBS.200022", "error_msg": "Instance not found."}),
        ]
        seen = self.requests

        class CannedAnswers(BaseHTTPRequestHandler):
            def do_GET(self):
                seen.append((self.path, dict(self.headers)))
                status, body = answers.pop(0)
                payload = json.dumps(body).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), CannedAnswers)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.addCleanup(self.server.server_close)
        self.addCleanup(self.server.shutdown)

    def test_sends_the_documented_request_and_decodes_success_and_error(self):
        configuration = htapsync_client.Configuration(
            host=f"http://127.0.0.1:{self.server.server_address[1]}",
            api_key={"AuthToken": "token-for-tests"})
        api = StarRocksReplicationApi(htapsync_client.ApiClient(configuration))

        page = api.list_star_rocks_data_replications(PROJECT_ID, INSTANCE_ID, limit=50, offset=20, x_language="en-us")
        self.assertEqual(page.total_count.actual_instance, "2")
        path, headers = self.requests[0]
        self.assertEqual(path, f"/v3/{PROJECT_ID}/instances/{INSTANCE_ID}/starrocks/databases/replication"
                               "?limit=50&offset=20")
        self.assertEqual(headers["X-Language"], "en-us")
        self.assertEqual(headers["X-Auth-Token"], "token-for-tests")

        with self.assertRaises(ApiException) as raised:
            api.list_star_rocks_data_replications(PROJECT_ID, INSTANCE_ID)
        self.assertEqual(raised.exception.status, 400)
        error = ErrorResponse.from_json(raised.exception.body)
        self.assertEqual(error.error_code, "DBS.200022")


if __name__ == "__main__":
    unittest.main()
