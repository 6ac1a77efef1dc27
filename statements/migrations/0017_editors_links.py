"""Editors' link edits kept through re-extraction: each link of a statement to a country, a person or a
topic says who made it (existing links: the machine, as a column default, no table rewrite), and a link
of the machine's that an editor removed is remembered (statements.services.corrections.save_link_edits)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('statements', '0016_search_vector_statistics'),
    ]

    operations = [
        migrations.AddField(
            model_name='statementcountry',
            name='origin',
            field=models.CharField(choices=[('machine', 'extracted'), ('editor', 'editor')], db_default='machine', max_length=10, verbose_name='origin'),
        ),
        migrations.AddField(
            model_name='statementperson',
            name='origin',
            field=models.CharField(choices=[('machine', 'extracted'), ('editor', 'editor')], db_default='machine', max_length=10, verbose_name='origin'),
        ),
        migrations.AddField(
            model_name='statementtopic',
            name='origin',
            field=models.CharField(choices=[('machine', 'extracted'), ('editor', 'editor')], db_default='machine', max_length=10, verbose_name='origin'),
        ),
        migrations.CreateModel(
            name='RemovedLink',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('country', 'country'), ('topic', 'topic'), ('person', 'person')], max_length=10)),
                ('value', models.CharField(max_length=40)),
                ('removed_at', models.DateTimeField(auto_now_add=True)),
                ('statement', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='removed_links', to='statements.statement')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('statement', 'kind', 'value'), name='removed_link_unique')],
            },
        ),
    ]
